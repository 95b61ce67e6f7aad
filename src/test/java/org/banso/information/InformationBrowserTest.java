package org.banso.information;

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
 * The information and search pages in headless Chromium with the demo accounts, in Japanese and English: a council's
 * items with their markings, an item, the designation that controls the measurement data, the public results and the
 * search results. The think tank's analyst, a participant outside the designation's scope, neither sees the controlled
 * item in the list nor finds it by search (R17). Every page is checked with axe-core and saved as a screenshot.
 */
@BansoIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class InformationBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void membersBrowseTheCouncilsItemsTheDesignationAndSearchAndTheOutOfScopeAnalystSeesLess() {
        UUID council = jdbc.sql("select id from council_council where name = ?")
                .param("【架空】量子センサ社会実装協議会").query(UUID.class).single();
        UUID data = jdbc.sql("select id from information_item where title = ?")
                .param("現地測定データ（2026年秋）").query(UUID.class).single();
        UUID report = jdbc.sql("select id from information_item where title = ?")
                .param("試験運用の中間報告").query(UUID.class).single();

        signIn("meti", DEMO_PASSWORD);
        open("/councils/" + council + "/items?lang=ja");
        assertThat(driver.getPageSource()).contains("現地測定データ（2026年秋）", "試験運用の中間報告");
        screenshot("information-items-ja");
        assertNoSeriousViolations("council items (ja)");
        open("/councils/" + council + "/items?lang=en");
        screenshot("information-items-en");
        assertNoSeriousViolations("council items (en)");

        open("/items/" + report + "?lang=ja");
        assertThat(heading()).isEqualTo("試験運用の中間報告");
        screenshot("information-item-ja");
        assertNoSeriousViolations("item (ja)");

        // R17, issue 17: an item that is not view-only is read in the browser from the listing in one click, and its
        // download stays on the viewer page
        open("/councils/" + council + "/items?lang=ja");
        driver.findElement(By.id("read-" + report)).click();
        assertThat(path()).isEqualTo("/items/" + report + "/view");
        assertThat(driver.findElements(By.id("viewer-download"))).hasSize(1);
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const i = document.querySelector('.viewer-page img'); return i.complete ? i.naturalWidth : 0;"))
                .intValue()).as("the watermarked page image is shown").isPositive();
        screenshot("information-viewer-council-ja");
        assertNoSeriousViolations("viewer of a council item (ja)");
        open(path() + "?lang=en");
        waitForLang("en");
        screenshot("information-viewer-council-en");
        assertNoSeriousViolations("viewer of a council item (en)");

        open("/items/" + data + "?lang=en");
        screenshot("information-item-controlled-en");
        driver.findElement(By.cssSelector("a[href*='/designations/']")).click();
        assertThat(driver.findElement(By.cssSelector("main a[href*='/proposals/']")).getText())
                .as("the adopting proposal, by its title").isEqualTo("現地測定データの管理指定");
        screenshot("information-designation-en");
        assertNoSeriousViolations("designation (en)");
        open(path() + "?lang=ja");
        screenshot("information-designation-ja");
        assertNoSeriousViolations("designation (ja)");

        open("/notices?lang=ja");
        assertThat(heading()).isEqualTo("お知らせ");
        assertNoSeriousViolations("notices (ja)");

        open("/search?q=" + java.net.URLEncoder.encode("測定データ", java.nio.charset.StandardCharsets.UTF_8)
                + "&lang=ja");
        assertThat(driver.getPageSource()).contains("現地測定データ");
        screenshot("search-results-ja");
        assertNoSeriousViolations("search (ja)");
        open("/search?q=" + java.net.URLEncoder.encode("試験運用", java.nio.charset.StandardCharsets.UTF_8)
                + "&lang=en");
        screenshot("search-results-en");
        assertNoSeriousViolations("search (en)");
        driver.manage().deleteAllCookies();

        signIn("analyst", DEMO_PASSWORD);
        open("/councils/" + council + "/items?lang=ja");
        assertThat(driver.getPageSource()).contains("試験運用の中間報告").doesNotContain("現地測定データ（2026年秋）");
        open("/search?q=" + java.net.URLEncoder.encode("測定データ", java.nio.charset.StandardCharsets.UTF_8)
                + "&lang=ja");
        assertThat(driver.getPageSource()).as("the proposal is the council's; the item is out of scope")
                .contains("現地測定データの管理指定").doesNotContain("現地測定データ（2026年秋）");
        open("/thinktank/entities?lang=ja");
        screenshot("thinktank-deliverables-ja");
        assertNoSeriousViolations("think-tank entities with deliverables (ja)");
        driver.manage().deleteAllCookies();

        open("/public/results?lang=ja");
        assertThat(driver.getPageSource()).contains("量子センサ試作機の評価結果（公開版）")
                .doesNotContain("試験運用の中間報告");
        screenshot("information-public-results-ja");
        assertNoSeriousViolations("public results (ja)");
    }
}
