package org.banso.information.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.banso.support.BansoIntegrationTest;
import org.banso.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * R17 in the browser with the demo accounts: a startup member reads the demo's view-only measurement data in the page
 * viewer, and the auditor reports a leak, opens the report and tries a trace. Every page is checked with axe-core (no
 * serious or critical WCAG violation) and saved as a screenshot under {@code target/screenshots/}.
 */
@BansoIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class LeakBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberReadsAViewOnlyItemInTheViewerAndTheAuditorWorksALeakReport() {
        UUID item = jdbc.sql("select id from information_item where title = ? order by updated_at desc limit 1")
                .param("現地測定データ（2026年秋）").query(UUID.class).single();

        signIn("startup", DEMO_PASSWORD);
        open("/items/" + item + "/view?lang=ja");
        assertThat(heading()).isEqualTo("現地測定データ（2026年秋）");
        assertThat(driver.findElement(By.cssSelector(".viewer-page img")).getDomAttribute("alt")).contains("1 / 1");
        screenshot("information-viewer-ja");
        assertNoSeriousViolations("viewer (ja)");
        open("/items/" + item + "/view?lang=en");
        assertNoSeriousViolations("viewer (en)");
        driver.manage().deleteAllCookies();

        signIn("auditor", DEMO_PASSWORD);
        open("/leaks?lang=ja");
        screenshot("leaks-ja");
        assertNoSeriousViolations("leak reports (ja)");
        // the item is picked by its title (issue 17), among what the auditor may know of (R17: an auditor who is no
        // participant is offered none of this council's items; SafeCouncilActionsPagesTest checks which are offered)
        driver.findElement(By.id("itemId")).sendKeys("現地測定データ");
        driver.findElement(By.id("description")).sendKeys("測定データの画面写真が外部のSNSに投稿された。");
        submit(By.cssSelector("form[action$='/leaks'] [type=submit]"));
        assertThat(heading()).isEqualTo("漏えいの報告");
        screenshot("leak-report-ja");
        assertNoSeriousViolations("leak report (ja)");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("penalty"))).selectByValue("FINE");
        driver.findElement(By.id("amountYen")).sendKeys("600000");
        driver.findElement(By.id("rationale")).sendKeys("守秘義務違反");
        submit(By.cssSelector("form[action$='/decision'] [type=submit]"));
        assertThat(text("#amountYen-error")).contains("500,000");
        screenshot("leak-report-refused-ja");
        assertNoSeriousViolations("leak report refused (ja)");

        open("/leaks/trace?lang=en");
        driver.findElement(By.id("text")).sendKeys("試験運用は三か所で実施した。課題は設置環境の温度変化である。".repeat(5));
        submit(By.cssSelector("form[action$='/leaks/trace'] [type=submit]"));
        assertThat(text("[role=status]")).contains("No traced copy");
        screenshot("leak-trace-en");
        assertNoSeriousViolations("trace (en)");
    }
}
