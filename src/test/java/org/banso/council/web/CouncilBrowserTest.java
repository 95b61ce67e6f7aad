package org.banso.council.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The council pages as people see them, walking the main path of issue 3 with the demo accounts: propose a council,
 * consent, establish, invite, sign the pledge, make a proposal, object, amend, everyone consents, adopted. Patterned on
 * {@code org.banso.web.BrowserTest}.
 * <p>
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
// No other class shares this context (the demo profile); closing it here, while the embedded PostgreSQL still runs,
// spares the JVM's shutdown a 30-second wait for a database that is already gone.
@DirtiesContext
class CouncilBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String DEMO_PASSWORD = "banso-demo-2026";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ChromeDriver driver;
    private static String axeSource;
    /** Every axe finding of every impact, page by page, printed at the end for the record. */
    private static final Map<String, List<String>> findings = new LinkedHashMap<>();

    @LocalServerPort
    int port;

    /** The first administrator's password, as the test profile sets it. */
    @Value("${banso.identity.admin-password}")
    String adminPassword;

    private String base;

    @BeforeAll
    static void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("Chromium (apt-get install chromium)").canRead();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").canRead();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--lang=ja");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(30));
        try (InputStream in = CouncilBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("axe-core on the test classpath").isNotNull();
            axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        StringBuilder report = new StringBuilder("axe-core findings of any impact, by page:\n");
        findings.forEach((page, list) -> {
            report.append("  ").append(page).append(": ").append(list.isEmpty() ? "none" : "").append('\n');
            list.forEach(f -> report.append("    ").append(f).append('\n'));
        });
        System.out.println(report);
    }

    @BeforeEach
    void signedOutInJapanese() {
        base = "http://localhost:" + port;
        driver.get(base + "/");
        driver.manage().deleteAllCookies();
    }

    @Test
    void ministryAndResearchersWalkFromProposingACouncilToAnAdoptedProposal() {
        String name = "量子センサ協議会 " + System.nanoTime() % 100000;

        // the METI official proposes the council; the university PI's consent is required (R5)
        signIn("meti", DEMO_PASSWORD);
        open("/councils?lang=ja");
        screenshot("council-list-ja");
        assertNoSeriousViolations("council list (ja)");
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("consenters")).sendKeys("researcher");
        submit(By.cssSelector("form[action$='/councils'] [type=submit]"));
        assertThat(heading()).isEqualTo(name);
        assertThat(text("#council-status")).isEqualTo("設置提案中");
        String councilPath = path();
        submit(By.id("establish"));
        assertThat(text("[role=alert]")).contains("必要な同意がそろっていません");
        screenshot("council-proposed-ja");
        assertNoSeriousViolations("council proposed (ja)");
        signOut();

        // the PI consents
        signIn("researcher", DEMO_PASSWORD);
        open(councilPath);
        screenshot("council-consent-ja");
        assertNoSeriousViolations("council consent (ja)");
        submit(By.id("consent"));
        assertThat(text("#consents")).contains("研究 桜", "同意");
        signOut();

        // the official establishes it and invites the startup (R13)
        signIn("meti", DEMO_PASSWORD);
        open(councilPath);
        submit(By.id("establish"));
        assertThat(text("#council-status")).isEqualTo("設置済み");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("invitation-role")))
                .selectByValue("STARTUP");
        submit(By.id("invite"));
        String invitation = driver.findElement(By.id("invitation-link")).getDomAttribute("href");
        assertThat(invitation).startsWith("/invitations/bnsi_");
        screenshot("council-established-ja");
        assertNoSeriousViolations("council established (ja)");
        // the official signs the pledge too (R12)
        signPledge();
        signOut();

        // the startup accepts the invitation and signs the pledge online, no administrator involved
        signIn("startup", DEMO_PASSWORD);
        open(invitation);
        screenshot("council-invitation-ja");
        assertNoSeriousViolations("invitation (ja)");
        submit(By.id("accept-invitation"));
        assertThat(text("[role=status]")).contains("協議会に参加しました");
        assertThat(driver.findElements(By.id("proposals"))).as("nothing non-public before the pledge").isEmpty();
        screenshot("council-pledge-ja");
        assertNoSeriousViolations("pledge (ja)");
        signPledge();
        assertThat(text("#pledge")).contains("署名済み");
        signOut();

        // the official makes a proposal of matter (3)
        signIn("meti", DEMO_PASSWORD);
        open(councilPath);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("matter")))
                .selectByValue("CONTENT_AND_RESULTS");
        driver.findElement(By.id("proposal-title")).sendKeys("試作センサの評価結果の取扱い");
        driver.findElement(By.id("proposal-body")).sendKeys("評価結果は論文発表まで協議会内に限る。");
        submit(By.id("submit-proposal"));
        assertThat(text("#proposal-status")).isEqualTo("審議中");
        String proposalPath = path();
        submit(By.id("answer-consent"));
        assertThat(text("#proposal-status")).as("the startup has not answered").isEqualTo("審議中");
        signOut();

        // the startup objects
        signIn("startup", DEMO_PASSWORD);
        open(proposalPath);
        driver.findElement(By.id("object-reason")).sendKeys("特許出願前のため、公表時期を明記してほしい。");
        submit(By.id("answer-object"));
        assertThat(text("#answers")).contains("異議", "特許出願前");
        screenshot("proposal-objected-ja");
        assertNoSeriousViolations("proposal objected (ja)");
        signOut();

        // the official amends: everyone is asked again
        signIn("meti", DEMO_PASSWORD);
        open(proposalPath);
        WebElement body = driver.findElement(By.id("amend-body"));
        body.clear();
        body.sendKeys("評価結果は特許出願の後、論文発表まで協議会内に限る。");
        submit(By.id("amend-submit"));
        assertThat(text("[role=status]")).contains("全員に改めて回答を求めます");
        assertThat(text("#answers")).doesNotContain("異議");
        submit(By.id("answer-consent"));
        signOut();

        // the startup consents last: adopted
        signIn("startup", DEMO_PASSWORD);
        open(proposalPath);
        submit(By.id("answer-consent"));
        assertThat(text("#proposal-status")).isEqualTo("採択");
        assertThat(text("[role=status]")).contains("全員の同意により議案が採択されました");
        screenshot("proposal-adopted-ja");
        assertNoSeriousViolations("proposal adopted (ja)");

        // the same pages in English
        open(proposalPath + "?lang=en");
        assertThat(text("#proposal-status")).isEqualTo("Adopted");
        screenshot("proposal-adopted-en");
        assertNoSeriousViolations("proposal adopted (en)");
        open(councilPath);
        assertThat(text("#council-status")).isEqualTo("Established");
        screenshot("council-en");
        assertNoSeriousViolations("council (en)");
        open("/councils");
        screenshot("council-list-en");
        assertNoSeriousViolations("council list (en)");
        open("/?lang=ja");
        signOut();

        // follow-up: the official schedules a meeting, assigns an action item, requests materials (R8, R9, R11)
        signIn("meti", DEMO_PASSWORD);
        open(councilPath + "/follow-up?lang=ja");
        driver.findElement(By.id("meeting-title")).sendKeys("第1回 量子センサ協議会");
        setValue("meeting-start", "2026-12-10T10:00");
        setValue("meeting-end", "2026-12-10T12:00");
        driver.findElement(By.id("meeting-place")).sendKeys("経済産業省 本館");
        driver.findElement(By.id("agenda-title-1")).sendKeys("評価結果の共有");
        submit(By.cssSelector("form[action$='/meetings'] [type=submit]"));
        assertThat(text("[role=status]")).isEqualTo("記録しました。");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("task-proposal"))).selectByIndex(1);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("task-assignee")))
                .selectByVisibleText("【架空】株式会社ミライ量子");
        driver.findElement(By.id("task-title")).sendKeys("特許出願の完了を報告する");
        setValue("task-due", "2026-12-24");
        submit(By.cssSelector("form[action$='/tasks'] [type=submit]"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("material-addressee")))
                .selectByVisibleText("【架空】株式会社ミライ量子");
        driver.findElement(By.id("material-title")).sendKeys("試作センサの仕様書");
        setValue("material-due", "2026-12-17");
        submit(By.cssSelector("form[action$='/material-requests'] [type=submit]"));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("第1回 量子センサ協議会", "特許出願の完了を報告する", "試作センサの仕様書", "依頼中");
        screenshot("council-follow-up-ja");
        assertNoSeriousViolations("follow-up (ja)");
        signOut();

        // the startup completes its action item and declines the material request with a reason
        signIn("startup", DEMO_PASSWORD);
        open(councilPath + "/follow-up?lang=en");
        submit(By.cssSelector("button[aria-label='Mark 特許出願の完了を報告する done']"));
        driver.findElement(By.cssSelector("input[name=reason]")).sendKeys("Not yet approved for sharing.");
        submit(By.cssSelector("button[name=action][value=decline]"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Done", "Declined",
                "Not yet approved for sharing.");
        screenshot("council-follow-up-en");
        assertNoSeriousViolations("follow-up (en)");
        open("/?lang=ja");
    }

    private void setValue(String id, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }

    private void signPledge() {
        driver.findElement(By.id("pledge-accept")).click();
        submit(By.id("pledge-sign"));
        assertThat(driver.findElement(By.id("pledge")).getText()).containsAnyOf("署名済み", "You have signed");
    }

    private void submit(By button) {
        WebElement element = driver.findElement(button);
        element.click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(element));
    }

    private void signOut() {
        driver.manage().deleteAllCookies();
    }

    private void signIn(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement submit = driver.findElement(By.cssSelector("#login-form [type=submit]"));
        submit.click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(submit));
    }

    private void open(String path) {
        driver.get(base + path);
    }

    private void waitForLang(String lang) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
    }

    private String path() {
        return driver.getCurrentUrl().substring(base.length()).replaceFirst("\\?.*$", "");
    }

    private String htmlLang() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    private String heading() {
        return text("h1");
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().strip();
    }

    /** Runs axe-core on the page; fails on a serious or critical violation, naming rule and elements. */
    private void assertNoSeriousViolations(String page) {
        List<String> all = axeViolations();
        findings.put(page, all);
        assertThat(all.stream().filter(v -> v.startsWith("serious ") || v.startsWith("critical ")).toList())
                .as("serious or critical axe-core violations on %s", page).isEmpty();
    }

    /** The page's axe-core violations, one line each: impact, rule id, what it checks, the elements. */
    @SuppressWarnings("unchecked")
    private List<String> axeViolations() {
        driver.executeScript(axeSource);
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(r.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.map(n => n.target.join(' '))}))))
                    .catch(e => done('axe failed: ' + e));
                """);
        assertThat(result).as("axe-core result").isInstanceOf(List.class);
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            lines.add(v.get("impact") + " " + v.get("id") + " (" + v.get("help") + ") at " + v.get("targets"));
        }
        return lines;
    }

    /** Saves the whole page, not only the window, as target/screenshots/{name}.png. */
    @SuppressWarnings("unchecked")
    private void screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
