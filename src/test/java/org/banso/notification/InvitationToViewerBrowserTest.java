package org.banso.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.banso.support.ApiAccounts;
import org.banso.support.ApiScript.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Issue 16's "invitation → pledge → reading the item in at most 5 clicks" for a person who already has an account, in a
 * browser, from the e-mail a real SMTP server (GreenMail, loopback) received: the mail's sign-in link, the login form,
 * accepting, signing the pledge (R12) — which leads to the council's items — and the item's "read" link open the
 * watermarked viewer (R17). Ticking the pledge's box is filling in the form, like typing the password, and is not
 * counted as a click; following a link or pressing a button is.
 */
class InvitationToViewerBrowserTest extends MailBrowserTestSupport {

    private static final Pattern SIGN_IN_LINK = Pattern.compile("http://localhost:\\d+/invitations/[^/\\s]+/login");

    private int clicks;

    @Test
    void anInviteeWithAnAccountReadsTheCouncilsItemInTheViewerWithinFiveClicksOfTheEmail() throws Exception { // R12 R17
        Person invitee = api.researcher("COMPANY");
        String council = establishedCouncil(NotificationTestSupport.unique("招待閲覧協議会-"));
        String item = upload(council, official, "試験運用の評価報告", "試験運用は三か所で実施した。\n評価は良好である。\n");

        String address = invitee.username() + "@example.jp";
        api.call("POST", "/api/v1/councils/" + council + "/invitations", official.token(), Map.of("role", "COMPANY",
                "invitee", Map.of("name", "招待 太郎", "organization", "【架空】招待株式会社", "email", address,
                        "language", "ja")), 201);
        String body = MailCapture.body(awaitMail(address, "協議会への招待"));
        Matcher signIn = SIGN_IN_LINK.matcher(body);
        assertThat(signIn.find()).as("the mail's link for someone who has an account: %s", body).isTrue();

        driver.manage().deleteAllCookies();
        driver.get(signIn.group()); // opening the e-mail's link is the first click
        clicks = 1;
        assertThat(path()).isEqualTo("/login");
        driver.findElement(By.id("username")).sendKeys(invitee.username());
        driver.findElement(By.id("password")).sendKeys(ApiAccounts.PASSWORD);
        click(By.cssSelector("#login-form [type=submit]"));
        assertThat(path()).as("back to the invitation once signed in").startsWith("/invitations/");
        click(By.id("accept-invitation"));
        assertThat(path()).as("joined: the council's pledge (R12)").isEqualTo("/councils/" + council + "#pledge");
        driver.findElement(By.id("accept")).click(); // filling in the form, not counted
        click(By.id("pledge-sign"));
        assertThat(path()).as("signed: on to the council's information").isEqualTo("/councils/" + council + "/items");
        screenshot("invitation-items-after-pledge-ja");
        click(By.id("read-" + item));
        assertThat(path()).isEqualTo("/items/" + item + "/view");
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                "const i = document.querySelector('.viewer-page img'); return i.complete ? i.naturalWidth : 0;"))
                .intValue()).as("the watermarked page is shown").isPositive();
        screenshot("invitation-item-in-viewer-ja");
        assertNoSeriousViolations("viewer reached from an invitation (ja)");
        assertThat(clicks).as("invitation → pledge → reading in at most 5 clicks").isLessThanOrEqualTo(5);

        // the pledge is what opened the item: signing it once more is not asked, and the council page is where a
        // second signature (after a revocation) returns
        open("/councils/" + council + "?lang=ja");
        assertThat(driver.findElements(By.id("pledge-sign"))).isEmpty();
    }

    private void click(By target) {
        submit(target);
        clicks++;
    }

    private String upload(String council, Person person, String title, String text) throws Exception {
        var request = multipart("/api/v1/councils/" + council + "/items")
                .file(new MockMultipartFile("file", "report.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("meta", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(Map.of("title", title, "category", "REPORT"))));
        request.header("Authorization", ApiAccounts.bearer(person.token()));
        var result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }
}
