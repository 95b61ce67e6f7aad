package org.banso.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.BrowserTestSupport;
import org.banso.support.HttpProbe;
import org.banso.support.HttpProbe.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions follow the account in a real browser (#13): what a person sees in Chromium at the next click after their
 * account was disabled, their role taken away, their password changed elsewhere, or their pledge revoked (R12).
 * Screenshots in {@code target/screenshots/session-*.png}; axe-core on the new and changed pages.
 */
@BansoIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"}) // not for the demo's data: to share the browser tests' application (#14)
class SessionBrowserTest extends BrowserTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    HttpProbe http;
    String admin;

    @BeforeEach
    void api() throws Exception {
        http = new HttpProbe(port);
        admin = http.token("admin", ApiAccounts.ADMIN_PASSWORD);
    }

    @Test
    void aDisabledPersonIsSentToTheLoginPageWithAnExplanation() throws Exception {
        JsonNode person = person("UNIVERSITY", "RESEARCHER");
        signIn(person.get("username").asString(), ApiAccounts.PASSWORD);
        open("/councils");
        assertThat(path()).isEqualTo("/councils");

        call("PUT", "/api/v1/users/" + person.get("id").asString() + "/enabled", admin, Map.of("enabled", false), 200);

        open("/councils");
        assertThat(path()).isEqualTo("/login");
        assertThat(text("#login-ended")).contains("セッションが終了しました");
        screenshot("session-ended-ja");
        assertNoSeriousViolations("/login?ended");
        open("/login?ended&lang=en");
        assertThat(text("#login-ended")).contains("Your session has ended");
        screenshot("session-ended-en");
        open("/login?lang=ja");
    }

    @Test
    void aDemotedAdministratorSeesNoAccountsPageAnyMore() throws Exception {
        JsonNode second = person("OTHER", "ADMIN");
        signIn(second.get("username").asString(), ApiAccounts.PASSWORD);
        open("/admin/users");
        assertThat(heading()).isEqualTo("アカウント");

        call("PUT", "/api/v1/users/" + second.get("id").asString() + "/roles", admin,
                Map.of("roles", List.of("RESEARCHER")), 200);

        open("/admin/users");
        assertThat(driver.getPageSource()).doesNotContain("アカウントを作成する");
        assertThat(heading()).isEqualTo("アクセスできません");
        assertThat(driver.findElements(By.cssSelector("a[href='/admin/users']"))).isEmpty();
        screenshot("session-demoted-ja");
    }

    @Test
    void aPasswordChangedInOneBrowserSessionEndsTheOther() throws Exception {
        JsonNode person = person("COMPANY", "RESEARCHER");
        String username = person.get("username").asString();
        signIn(username, ApiAccounts.PASSWORD);
        Cookie first = driver.manage().getCookieNamed("JSESSIONID");
        driver.manage().deleteAllCookies();
        signIn(username, ApiAccounts.PASSWORD);

        open("/");
        driver.findElement(By.id("account-password-link")).click();
        await().until(d -> path().equals("/account/password"));
        assertThat(heading()).isEqualTo("パスワードの変更");
        assertNoSeriousViolations("/account/password");
        driver.findElement(By.id("currentPassword")).sendKeys(ApiAccounts.PASSWORD);
        driver.findElement(By.id("newPassword")).sendKeys("aaaaaaaaaaaa");
        driver.findElement(By.id("confirmPassword")).sendKeys("aaaaaaaaaaaa");
        submit(By.cssSelector("#password-form [type=submit]"));
        assertThat(text("#newPassword-error")).contains("推測されやすい");
        screenshot("session-password-weak-ja");
        assertNoSeriousViolations("/account/password (refused)");

        driver.findElement(By.id("currentPassword")).sendKeys(ApiAccounts.PASSWORD);
        driver.findElement(By.id("newPassword")).sendKeys("sakura-tsubomi-2026");
        driver.findElement(By.id("confirmPassword")).sendKeys("sakura-tsubomi-2026");
        submit(By.cssSelector("#password-form [type=submit]"));
        assertThat(text("#password-saved")).contains("パスワードを変更しました");
        screenshot("session-password-changed-ja");
        open("/councils");
        assertThat(path()).as("the session that changed it goes on").isEqualTo("/councils");

        driver.manage().deleteAllCookies();
        driver.manage().addCookie(first);
        open("/councils");
        assertThat(path()).as("the other session ended").isEqualTo("/login");
        assertThat(text("#login-ended")).contains("セッションが終了しました");
    }

    @Test
    void aRevokedPledgeHidesTheCouncilsItemsAtTheNextClick() throws Exception {
        // R12: revoking the pledge ends access at once
        JsonNode official = person("MINISTRY", "MINISTRY_OFFICIAL");
        JsonNode member = person("STARTUP", "RESEARCHER");
        String officialToken = http.token(official.get("username").asString(), ApiAccounts.PASSWORD);
        String memberToken = http.token(member.get("username").asString(), ApiAccounts.PASSWORD);
        String council = call("POST", "/api/v1/councils", officialToken, Map.of("name", ApiAccounts.unique("協議会-"),
                "competentMinistryId", official.get("organizationId").asString(), "projectIds", List.of(),
                "requiredConsenterIds", List.of(member.get("id").asString())), 201).get("id").asString();
        call("POST", "/api/v1/councils/" + council + "/consents", memberToken, Map.of("decision", "CONSENT"), 200);
        call("POST", "/api/v1/councils/" + council + "/establish", officialToken, null, 200);
        call("POST", "/api/v1/councils/" + council + "/participants", officialToken, Map.of("organizationId",
                member.get("organizationId").asString(), "role", "STARTUP", "representativeId",
                member.get("id").asString(), "memberIds", List.of()), 201);
        call("POST", "/api/v1/councils/" + council + "/pledges", officialToken, Map.of("accept", true), 201);
        call("POST", "/api/v1/councils/" + council + "/pledges", memberToken, Map.of("accept", true), 201);
        String title = "【試験】量子センサ測定値 " + UUID.randomUUID().toString().substring(0, 6);
        Answer uploaded = upload(council, officialToken, title);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);

        signIn(member.get("username").asString(), ApiAccounts.PASSWORD);
        open("/councils/" + council + "/items");
        assertThat(driver.getPageSource()).contains(title);

        call("DELETE", "/api/v1/councils/" + council + "/pledges/mine", memberToken, null, 204);

        driver.navigate().refresh();
        assertThat(driver.getPageSource()).doesNotContain(title);
        screenshot("session-pledge-revoked-ja");
    }

    private JsonNode person(String kind, String role) throws Exception {
        return http.person(admin, kind, role);
    }

    private JsonNode call(String method, String path, String token, Object body, int status) throws Exception {
        return http.call(method, path, token, body, status);
    }

    private Answer upload(String council, String token, String title) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n量子センサの試験結果\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n"
                + JSON.writeValueAsString(Map.of("title", title, "category", "SAMPLING_DATA")) + "\r\n--" + boundary
                + "--\r\n").getBytes(UTF_8));
        return http.send("POST", "/api/v1/councils/" + council + "/items", token,
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }
}
