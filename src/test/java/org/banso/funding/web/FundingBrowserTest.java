package org.banso.funding.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.banso.funding.FundId;
import org.banso.funding.Funding;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.Program;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationView;
import org.banso.identity.UserView;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.BrowserTestSupport;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The funding pages as people see them, with the demo accounts (issue 6): the JST funding officer opens a call, the
 * university researcher applies with a draft open/close plan, the think-tank analyst declares no conflict of interest
 * and scores, the funding officer awards it as a K Program project naming the METI official as the competent
 * ministry's representative, and the project page shows its council PROPOSED (R7). Every page is checked with
 * axe-core and saved as a screenshot under {@code target/screenshots/}, in Japanese and English.
 */
@BansoIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class FundingBrowserTest extends BrowserTestSupport {

    @Autowired
    Funding funding;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;

    @Test
    void aCallIsOpenedAppliedToReviewedAndAwardedIntoAKProgramProjectWithItsCouncilProposed() { // R7, R10
        long n = System.nanoTime() % 100000;
        BansoUser officer = person("officer");
        FundId fund = funding.createFund("K Program 画面試験基金 " + n, Program.K_PROGRAM, officer).id();
        funding.record(fund, EntryKind.APPROPRIATION, 1_000_000_000L, "画面試験", officer);
        String code = ("TB-" + n).toUpperCase(Locale.ROOT);
        TechnologyId technology = technologies.register(new TechnologyRegistry.NewTechnology(code,
                "量子中継 " + code, "Quantum repeater " + code, "A01", ""), officer).id();
        OrganizationView meti = identity.organizations().stream().filter(o -> o.name().equals("経済産業省"))
                .findFirst().orElseThrow();

        // the funding officer opens a call
        signIn("funding", DEMO_PASSWORD);
        open("/calls?lang=ja");
        String title = "量子通信の公募 " + n;
        // first with a wrong budget and no window: the form comes back with the title kept and the summary on top
        driver.findElement(By.id("title")).sendKeys(title);
        driver.findElement(By.id("budgetCap")).sendKeys("5千万");
        submit(By.id("submit-call"));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
        assertThat(text("#error-summary")).contains("入力内容に誤りがあります", "上限額");
        screenshot("funding-call-invalid-ja");
        assertNoSeriousViolations("calls: the open-call form sent back (ja)");
        new Select(driver.findElement(By.id("fundId"))).selectByValue(fund.toString());
        new Select(driver.findElement(By.id("type"))).selectByValue("PROJECT");
        pick("technologyIds", code, technology.toString());
        // the server narrowed the options to what was typed (the search box itself is never posted with the form)
        assertThat(driver.findElements(By.cssSelector("input[name='technologyIds']"))).hasSize(1);
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo")).withSecond(0).withNano(0);
        setValue("opensAt", now.minusDays(1).toString());
        setValue("closesAt", now.plusDays(30).toString());
        driver.findElement(By.id("budgetCap")).clear();
        driver.findElement(By.id("budgetCap")).sendKeys("50000000");
        screenshot("funding-call-new-ja");
        assertNoSeriousViolations("calls with the open-call form (ja)");
        submit(By.id("submit-call"));
        assertThat(heading()).isEqualTo(title);
        String callPath = path();
        screenshot("funding-call-opened-ja");
        assertNoSeriousViolations("call opened (ja)");
        signOut();

        // the researcher applies with a draft open/close plan
        signIn("researcher", DEMO_PASSWORD);
        open(callPath + "?lang=ja");
        String project = "量子中継器の実証 " + n;
        driver.findElement(By.id("title")).sendKeys(project);
        driver.findElement(By.id("eradNumber")).sendKeys("90050426");
        driver.findElement(By.id("orcid")).sendKeys("0000-0002-1825-0097");
        driver.findElement(By.id("directCost")).sendKeys("10000000");
        driver.findElement(By.id("controlled")).sendKeys("中継器の較正手順");
        driver.findElement(By.id("fromWhom")).sendKeys("協議会の外の者");
        driver.findElement(By.id("months")).sendKeys("24");
        driver.findElement(By.id("reason")).sendKeys("再現の容易な製造ノウハウの流出防止");
        screenshot("funding-apply-ja");
        assertNoSeriousViolations("apply (ja)");
        submit(By.cssSelector("form[action$='/applications'] [type=submit]"));
        assertThat(heading()).isEqualTo(project);
        String applicationPath = path();
        assertThat(text("body")).contains("10,000,000円", "3,000,000円");
        signOut();

        // the analyst reviews in English: sees the draft plan, declares no conflict, scores
        signIn("analyst", DEMO_PASSWORD);
        open(applicationPath + "?lang=en");
        waitForLang("en");
        assertThat(text("body")).contains("中継器の較正手順", "Declare your conflicts of interest");
        screenshot("funding-review-declare-en");
        assertNoSeriousViolations("review: declaration (en)");
        driver.findElement(By.id("conflict-no")).click();
        submit(By.cssSelector("form[action$='/declarations'] [type=submit]"));
        assertThat(heading()).isEqualTo("Declare your conflicts of interest?");
        assertNoSeriousViolations("review: declaration confirmed (en)");
        submit(By.id("confirm-submit"));
        new Select(driver.findElement(By.id("score"))).selectByValue("4");
        driver.findElement(By.id("comment")).sendKeys("Clear plan; narrow controls.");
        screenshot("funding-review-score-en");
        assertNoSeriousViolations("review: score (en)");
        submit(By.cssSelector("form[action$='/reviews'] [type=submit]"));
        submit(By.id("confirm-submit"));
        assertThat(text("#reviews-caption")).contains("1");
        signOut();

        // the funding officer awards it, naming METI's official as the competent ministry's representative
        signIn("funding", DEMO_PASSWORD);
        open(applicationPath + "?lang=ja");
        pick("competentMinistryId", "経済産業省", meti.id().toString());
        UserView representative = identity.userByUsername("meti").orElseThrow();
        pick("representativeId", representative.displayName(), representative.id().value().toString());
        pick("socialImplementationLeadId", "経済産業省", meti.id().toString());
        driver.findElement(By.id("socialImplementationPlan")).sendKeys("経済産業省が量子通信網の実証に用いる");
        screenshot("funding-award-ja");
        assertNoSeriousViolations("award form (ja)");
        submit(By.id("submit-award"));
        // the confirmation names the application, the ministry's representative and what cannot be undone
        assertThat(text("#confirm-what")).contains(project, representative.displayName());
        screenshot("funding-award-confirm-ja");
        assertNoSeriousViolations("award confirmation (ja)");
        submit(By.id("confirm-submit"));
        assertThat(path()).startsWith("/projects/");
        assertThat(heading()).isEqualTo(project);
        assertThat(text("#council-status")).isEqualTo("設置提案中（未設置）");
        screenshot("funding-project-ja");
        assertNoSeriousViolations("project with its council proposed (ja)");
        open(path() + "?lang=en");
        waitForLang("en");
        assertThat(text("#council-status")).isEqualTo("Proposed (not yet established)");
        screenshot("funding-project-en");
        assertNoSeriousViolations("project with its council proposed (en)");
        String projectPath = path();
        open("/funds/" + fund + "?lang=en");
        assertThat(text("body")).contains("Allocation to a project");
        screenshot("funding-fund-en");
        assertNoSeriousViolations("fund dashboard (en)");
        signOut();

        // the METI official, the council's representative, follows the project to its council and its draft plan
        signIn("meti", DEMO_PASSWORD);
        open(projectPath + "?lang=ja");
        driver.findElement(By.linkText("協議会を開く")).click();
        await().until(d -> path().startsWith("/councils/"));
        assertThat(text("#council-status")).isEqualTo("設置提案中");
        assertThat(text("#draft-plan")).contains("中継器の較正手順", "再現の容易な製造ノウハウの流出防止");
        screenshot("funding-council-draft-ja");
        assertNoSeriousViolations("council with the application's draft plan (ja)");
    }

    private BansoUser person(String username) {
        return identity.userByUsername(username).map(UserView::asPrincipal).orElseThrow();
    }

    /** Types into a name picker and ticks the option with this value once the server has offered it. */
    private void pick(String field, String query, String value) {
        WebElement search = driver.findElement(By.id(field));
        search.clear();
        search.sendKeys(query);
        // let the picker's request (300 ms after the last keystroke) go out and its answer settle
        new org.openqa.selenium.support.ui.WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(100))
                .until(d -> {
                    try {
                        Thread.sleep(400);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return (Boolean) driver.executeScript(
                            "return document.querySelectorAll('.htmx-request').length === 0");
                });
        By option = By.cssSelector("input[name='" + field + "'][value='" + value + "']");
        WebElement found = await()
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(option));
        if (!found.isSelected()) {
            driver.executeScript("arguments[0].click();", found);
        }
    }

    private void setValue(String id, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }

    private void signOut() {
        driver.manage().deleteAllCookies();
    }
}
