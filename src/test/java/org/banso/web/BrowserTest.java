package org.banso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.banso.support.BansoIntegrationTest;
import org.banso.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pages as a person sees them: headless Chromium against the running application with the demo accounts. Every
 * page visited is checked with axe-core (no serious or critical WCAG violation) and saved as a full-page screenshot
 * under {@code target/screenshots/} for a human to look at.
 * <p>
 * Chromium and chromedriver come from Debian ({@code apt-get install chromium chromium-driver
 * fonts-ipafont-gothic}); both paths are explicit so that Selenium Manager never downloads anything. Without them
 * the class fails rather than skips: a browser test that silently does not run proves nothing.
 */
@BansoIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class BrowserTest extends BrowserTestSupport {

    @Test
    void demoUserSignsInAndSwitchesBetweenJapaneseAndEnglish() {
        open("/login");
        assertThat(htmlLang()).isEqualTo("ja");
        screenshot("login-ja");

        signIn("meti", DEMO_PASSWORD);
        assertThat(path()).isEqualTo("/");
        assertThat(htmlLang()).isEqualTo("ja");
        // a signed-in person's home is what waits for them (issue 16)
        assertThat(heading()).isEqualTo("わたしのやること");
        assertThat(text(".site-header__user")).isEqualTo("経産 花子 (METI official)");
        assertThat(text("main")).contains("経産 花子 (METI official)さんの対応待ちの事項です");
        screenshot("home-ja");

        driver.findElement(By.linkText("English")).click();
        waitForLang("en");
        assertThat(heading()).isEqualTo("My work");
        assertThat(text("main")).contains("What waits for 経産 花子 (METI official), overdue first.");
        assertThat(driver.manage().getCookieNamed("banso-lang")).as("language cookie").isNotNull();
        screenshot("home-en");

        open("/technologies/areas");
        assertThat(htmlLang()).as("the choice is remembered on the next page").isEqualTo("en");
        assertThat(heading()).isEqualTo("Technology areas");

        driver.findElement(By.linkText("日本語")).click();
        waitForLang("ja");
        assertThat(heading()).isEqualTo("技術領域");
        open("/");
        assertThat(htmlLang()).isEqualTo("ja");
    }

    @Test
    void wrongPasswordShowsTheGenericFailureAndStaysOnLogin() {
        signIn("auditor", "not-the-password");
        assertThat(path()).isEqualTo("/login");
        String wrongPassword = text("#login-error");
        assertThat(wrongPassword).isEqualTo("ユーザー名またはパスワードが正しくありません。失敗が続くと、この端末からの試行はしばらく止められます。");
        assertThat(driver.findElements(By.cssSelector(".site-header__user"))).isEmpty();
        screenshot("login-failed-ja");
        assertNoSeriousViolations("login failed (ja)");

        signIn("nobody-" + port, "not-the-password");
        assertThat(text("#login-error")).as("an unknown user gets the same answer").isEqualTo(wrongPassword);
    }

    @Test
    void signedOutPagesHaveNoSeriousAccessibilityViolations() {
        for (String lang : List.of("ja", "en")) {
            open("/?lang=" + lang);
            assertThat(htmlLang()).isEqualTo(lang);
            assertThat(driver.findElements(By.cssSelector(".site-header__user"))).isEmpty();
            screenshot("home-signed-out-" + lang);
            assertNoSeriousViolations("home, signed out (" + lang + ")");

            open("/login");
            screenshot("login-" + lang);
            assertNoSeriousViolations("login (" + lang + ")");

            open("/technologies/areas");
            assertThat(driver.findElements(By.cssSelector("table tbody tr"))).hasSizeGreaterThanOrEqualTo(20);
            screenshot("technology-areas-" + lang);
            assertNoSeriousViolations("technology areas (" + lang + ")");
        }
    }

    @Test
    void signedInHomeHasNoSeriousAccessibilityViolations() {
        signIn("researcher", DEMO_PASSWORD);
        for (String lang : List.of("ja", "en")) {
            open("/?lang=" + lang);
            assertThat(text(".site-header__user")).startsWith("研究 桜");
            assertNoSeriousViolations("home, signed in (" + lang + ")");
        }
    }

    @Test
    void thinkTankPagesHaveNoSeriousAccessibilityViolations() { // R4, R18, R19
        signIn("analyst", DEMO_PASSWORD);
        for (String lang : List.of("ja", "en")) {
            for (String page : List.of("/thinktank?field=semiconductors", "/thinktank/supply-chain",
                    "/thinktank/rankings", "/thinktank/entities")) {
                open(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
                screenshot("thinktank" + page.replaceAll("[^a-z]+", "-") + lang);
                assertNoSeriousViolations(page + " (" + lang + ")");
            }
            // the demo ranking with its explanation and sensitivity
            open("/thinktank/rankings?lang=" + lang);
            submit(By.cssSelector("main .plain-list a"));
            screenshot("thinktank-ranking-" + lang);
            assertThat(driver.findElements(By.cssSelector("table tbody tr"))).hasSizeGreaterThanOrEqualTo(8);
            assertNoSeriousViolations("ranking (" + lang + ")");
        }
    }

    @Test
    void adminPagesHaveNoSeriousAccessibilityViolations() {
        signIn("admin", adminPassword);
        for (String lang : List.of("ja", "en")) {
            open("/admin/users?lang=" + lang);
            screenshot("admin-users-" + lang);
            assertThat(driver.findElements(By.cssSelector("table tbody tr"))).hasSizeGreaterThanOrEqualTo(9);
            assertNoSeriousViolations("admin users (" + lang + ")");

            open("/admin/organizations");
            screenshot("admin-organizations-" + lang);
            assertThat(driver.findElements(By.cssSelector("table tbody tr"))).hasSizeGreaterThanOrEqualTo(11);
            assertNoSeriousViolations("admin organizations (" + lang + ")");

            open("/no-such-page");
            assertThat(heading()).isIn("ページが見つかりません", "Page not found");
            screenshot("not-found-" + lang);
            assertNoSeriousViolations("not found (" + lang + ")");
        }
    }

    @Test
    void adminDisablesAndReenablesAnAccountInPlace() {
        signIn("admin", adminPassword);
        open("/admin/users?lang=ja");
        By startupRow = By.xpath("//tr[td[1][normalize-space()='startup']]");
        assertThat(driver.findElement(startupRow).getText()).contains("有効");

        // disabling asks first, on a page naming the person (#17); its button names the account for screen readers
        submit(By.cssSelector("button[aria-label='startup を無効にする']"));
        assertThat(heading()).isEqualTo("アカウントを無効にしますか");
        assertThat(text("#confirm-whom")).contains("ユーザー名 startup");
        screenshot("admin-users-disable-confirm-ja");
        assertNoSeriousViolations("disable an account: confirmation (ja)");
        submit(By.id("confirm-submit"));
        assertThat(text("#saved-notice")).contains("ユーザー名 startup", "無効にしました");
        assertThat(driver.findElement(startupRow).getText()).contains("無効", "有効にする");
        screenshot("admin-users-disabled-ja");

        // enabling is one click: htmx swaps the row and keyboard focus stays on the row's button
        driver.findElement(By.cssSelector("button[aria-label='startup を有効にする']")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("button[aria-label='startup を無効にする']")));
        assertThat(driver.switchTo().activeElement().getDomAttribute("aria-label"))
                .as("keyboard focus stays on the row's button").isEqualTo("startup を無効にする");
        open("/admin/users");
        assertThat(driver.findElement(startupRow).getText()).as("kept after a reload").contains("無効にする");
    }

    @Test
    void pagesReflowOnANarrowScreenWithoutSidewaysScrolling() {
        // WCAG 1.4.10: 320 CSS pixels wide, as a 1280-pixel screen at 400 % zoom; wide tables scroll in their own box
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        try {
            signIn("admin", adminPassword);
            for (String path : List.of("/", "/technologies/areas", "/admin/users", "/admin/organizations")) {
                open(path);
                Long overflow = (Long) driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).as("sideways scrolling on %s at 320 px", path).isLessThanOrEqualTo(0L);
            }
            open("/");
            screenshot("home-narrow-ja");
            open("/admin/users");
            screenshot("admin-users-narrow-ja");
            assertNoSeriousViolations("admin users, 320 px (ja)");
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void theAccessibilityCheckCatchesAnImageWithoutAlternativeText() {
        // proves the checker itself: a page made worse on purpose must fail it
        open("/");
        driver.executeScript("""
                const img = document.createElement('img');
                img.src = '/no-such-image.png';
                document.querySelector('main').append(img);""");
        assertThat(axeViolations()).anySatisfy(v -> assertThat(v).startsWith("critical image-alt"));
    }

    @Test
    void logOutReturnsToTheLoginPage() {
        signIn("officer", DEMO_PASSWORD);
        assertThat(text(".site-header__user")).startsWith("内閣 一郎");

        driver.findElement(By.xpath("//header//button[normalize-space()='ログアウト']")).click();
        await().until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(text("[role=status]")).isEqualTo("ログアウトしました。");
        assertThat(driver.findElements(By.cssSelector(".site-header__user"))).isEmpty();
        screenshot("logged-out-ja");

        open("/");
        assertThat(driver.findElements(By.cssSelector(".site-header__user"))).as("still signed out").isEmpty();
    }

    @Test
    void aProgramOfficerAssessesAndDesignatesATechnologyInThePages() { // R3, R4
        String code = "QS-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        signIn("officer", DEMO_PASSWORD);
        open("/technologies?lang=ja");
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.id("nameJa")).sendKeys("量子慣性航法センサ");
        driver.findElement(By.id("nameEn")).sendKeys("Quantum inertial navigation sensor");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("domain"))).selectByValue("A07");
        driver.findElement(By.id("description")).sendKeys("GPSが使えない海中での測位。");
        submit(By.cssSelector("form[action='/technologies'] [type=submit]"));
        assertThat(heading()).isEqualTo("量子慣性航法センサ");
        // a candidate is offered to be dropped, not a designation it never had to be lifted
        assertThat(text(".actions")).contains("候補から外す").doesNotContain("指定を解除");
        screenshot("technology-candidate-ja");

        submit(By.xpath("//button[text()='支援対象に指定する']"));
        assertThat(text(".notice--error")).contains("評価が記録されていないため指定できません");
        screenshot("technology-assessment-required-ja");

        for (String criterion : List.of("japanStrength", "foreignRdStatus", "socialNeeds", "leakageRisk",
                "dependenceRisk")) {
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(criterion + "Score")))
                    .selectByValue("4");
            driver.findElement(By.id(criterion + "Evidence")).sendKeys("根拠：" + criterion);
        }
        driver.findElement(By.id("superiority")).sendKeys("小型化と精度で優位");
        driver.findElement(By.id("inputReference")).sendKeys("シンクタンク調査報告（2026年）");
        submit(By.xpath("//button[text()='評価を記録する']"));
        assertThat(text(".notice--success")).contains("評価を記録しました");
        submit(By.xpath("//button[text()='支援対象に指定する']"));
        assertThat(text(".notice--success")).contains("支援対象に指定しました");
        assertThat(text(".facts")).contains("支援対象に指定");
        assertThat(text(".actions")).contains("指定を解除する").doesNotContain("候補から外す");
        screenshot("technology-designated-ja");
        assertNoSeriousViolations("technology page with assessment (ja)");
        open(path() + "?lang=en");
        screenshot("technology-designated-en");
        assertNoSeriousViolations("technology page with assessment (en)");

        driver.manage().deleteAllCookies();
        open("/technologies?lang=ja");
        assertThat(text("table")).contains(code, "量子慣性航法センサ");
        screenshot("technologies-public-ja");
        assertNoSeriousViolations("technologies, public (ja)");
    }

    @Test
    void theGuidelineInForceIsPublicInBothLanguages() { // R1
        for (String lang : List.of("ja", "en")) {
            open("/guideline?lang=" + lang);
            assertThat(driver.findElements(By.cssSelector("#measures-caption"))).hasSize(1);
            assertThat(text("table")).contains(lang.equals("ja") ? "人材育成" : "Human-resource development");
            screenshot("guideline-" + lang);
            assertNoSeriousViolations("guideline in force (" + lang + ")");
        }
        signIn("officer", DEMO_PASSWORD);
        open("/guidelines?lang=ja");
        screenshot("guideline-versions-ja");
        assertNoSeriousViolations("guideline versions (ja)");
        driver.findElement(By.id("titleJa")).sendKeys("改定案");
        driver.findElement(By.id("titleEn")).sendKeys("Revision draft");
        submit(By.cssSelector("form[action='/guidelines'] [type=submit]"));
        assertThat(heading()).isEqualTo("改定案");
        screenshot("guideline-draft-ja");
        assertNoSeriousViolations("guideline draft (ja)");
    }

    @Test
    void anAuditorBrowsesVerifiesAndProvesEntriesInThePages() { // R17
        signIn("auditor", DEMO_PASSWORD);
        for (String lang : List.of("ja", "en")) {
            open("/audit?lang=" + lang);
            assertThat(driver.findElements(By.cssSelector("table tbody tr"))).isNotEmpty();
            screenshot("audit-log-" + lang);
            assertNoSeriousViolations("audit log (" + lang + ")");
        }
        submit(By.cssSelector("form[action='/audit/verify'] [type=submit]"));
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getDomAttribute("class"))
                .contains("notice--success");
        screenshot("audit-verified-en");
        submit(By.cssSelector("td.number a"));
        screenshot("audit-entry-en");
        assertNoSeriousViolations("audit entry with inclusion proof (en)");
        driver.manage().deleteAllCookies();
        signIn("researcher", DEMO_PASSWORD);
        open("/audit");
        assertThat(driver.findElements(By.cssSelector("td.number a"))).as("not for researchers").isEmpty();
    }

    @Test
    void theDemoFundDashboardProjectsAndCallsPagesShowDerivedBalancesAccessibly() { // R2
        signIn("officer", DEMO_PASSWORD);
        open("/funds");
        assertThat(text("table")).contains("500,000,000,000円");
        assertNoSeriousViolations("funds");
        screenshot("funds-ja");
        driver.findElement(By.partialLinkText("K Program")).click();
        assertThat(text(".facts")).contains("500,000,000,000円");
        assertThat(text("table")).contains("令和3年度補正予算", "令和4年度補正予算");
        assertNoSeriousViolations("fund");
        screenshot("fund-ja");
        open("/projects");
        assertNoSeriousViolations("projects");
        open("/calls");
        assertNoSeriousViolations("calls");
    }

    @Test
    void searchFindsTheTechnologyAreasAndVisionTechnologiesWithTheirKindInBothLanguages() { // issue #17
        open("/search?lang=ja&q=" + java.net.URLEncoder.encode("半導体", java.nio.charset.StandardCharsets.UTF_8));
        waitForLang("ja");
        assertThat(text(".search-hits")).contains("技術領域", "マイクロプロセッサ・半導体技術");
        assertThat(text("[role=status]")).endsWith("件（「半導体」）");
        assertNoSeriousViolations("search areas (ja)");
        screenshot("search-areas-ja");

        open("/search?lang=en&q=AI");
        waitForLang("en");
        // named in the page's language only: their indexed text holds both names
        assertThat(text(".search-hits")).contains("Technology area", "K Program vision technology",
                "Artificial intelligence and machine learning", "AI security for a data-driven society")
                .doesNotContain("人工知能・機械学習技術", "AIセキュリティに係る知識・技術体系");
        assertThat(text("[role=status]")).matches("\\d+ results for \"AI\"");
        assertThat(driver.findElements(By.cssSelector(".search-hit__snippet mark"))).as("no single kanji marked")
                .noneMatch(mark -> mark.getText().strip().length() == 1);
        assertNoSeriousViolations("search areas (en)");
        screenshot("search-areas-en");

        // the hit, not the category facet of the same name
        driver.findElement(By.cssSelector(".search-hits a[href$='#area-A03']")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/technologies/areas#area-A03");
        assertThat(text("#area-A03")).contains("A03", "Artificial intelligence and machine learning");
    }

}
