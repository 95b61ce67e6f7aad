package org.banso.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.banso.notification.internal.NotificationTestHooks;
import org.banso.support.ApiAccounts;
import org.banso.support.ApiScript.Person;
import org.banso.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16's "done when", in a browser: a proposal is made, the representatives get an e-mail in their language from a
 * real SMTP server started by the test (GreenMail, loopback), one opens the link, signs in and answers in at most 3
 * clicks, and the waiting count in the header drops; at the injected clock's reminder time the representatives who
 * have not answered are reminded by e-mail and the one who answered is not (R14). The pages of the module are saved
 * in Japanese and English under {@code target/screenshots/} and checked with axe-core.
 * <p>
 * The application listens on a port chosen before it starts, so that the links in the e-mails
 * ({@code banso.notification.base-url}) are the very addresses the browser opens.
 */
class NotificationBrowserTest extends MailBrowserTestSupport {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/notifications/[0-9a-f-]+/open");

    @Autowired
    MutableClock clock;

    @Autowired
    NotificationTestHooks hooks;

    private int clicks;

    @Test
    void aRepresentativeAnswersFromTheEmailAndOnlyThoseWhoHaveNotAnsweredAreReminded() throws Exception { // R14
        Person startup = api.researcher("STARTUP");
        api.language(startup, "en");
        String councilName = NotificationTestSupport.unique("量子センサ協議会-");
        String council = establishedCouncil(councilName);
        api.join(council, official, pi, "UNIVERSITY");
        api.join(council, official, startup, "STARTUP");

        // the official makes a proposal with a response deadline in five days
        Instant deadline = clock.instant().plus(Duration.ofDays(5));
        String proposal = api.propose(council, official, "試作センサの評価結果の取扱い", "論文発表まで協議会内に限る。",
                deadline.toString());

        // each representative gets an e-mail in their language, with the council's name and no proposal text
        MimeMessage toPi = awaitMail(pi, "提案への回答のお願い");
        MimeMessage toStartup = awaitMail(startup, "A proposal awaits your answer");
        assertThat(MailCapture.body(toPi)).contains(councilName).doesNotContain("試作センサ").contains("期限：");
        assertThat(MailCapture.body(toStartup)).contains("no answer never counts as consent").doesNotContain("論文発表");

        // the PI opens the link, signs in and answers: at most 3 clicks
        signedOutInJapanese();
        signIn(pi.username(), ApiAccounts.PASSWORD);
        int waitingBefore = waitingCount();
        screenshot("notification-home-before-ja");
        assertNoSeriousViolations("my work (ja)");
        assertThat(driver.findElements(By.cssSelector("#waiting a[href='/proposals/" + proposal + "']")))
                .as("the proposal is on the home page, one click from the answer").hasSize(1);
        driver.manage().deleteAllCookies();

        Matcher link = LINK.matcher(MailCapture.body(toPi));
        assertThat(link.find()).as("the e-mail's link").isTrue();
        driver.get(link.group()); // opening the e-mail's link is the first click
        clicks = 1;
        assertThat(path()).isEqualTo("/login");
        driver.findElement(By.id("username")).sendKeys(pi.username());
        driver.findElement(By.id("password")).sendKeys(ApiAccounts.PASSWORD);
        click(By.cssSelector("#login-form [type=submit]"));
        assertThat(path()).as("back to the proposal after signing in").isEqualTo("/proposals/" + proposal);
        screenshot("notification-proposal-from-mail-ja");
        click(By.id("answer-consent"));
        assertThat(clicks).as("answering takes at most 3 clicks from the e-mail").isLessThanOrEqualTo(3);
        assertThat(waitingCount()).as("the waiting count drops").isEqualTo(waitingBefore - 1);

        // 2 days and 1 hour later fewer than 3 days are left: the reminder job runs at the injected clock's time
        clock.advance(Duration.ofDays(2).plusHours(1));
        assertThat(hooks.remind()).isPositive();
        MimeMessage reminder = awaitMail(startup, "A proposal's response deadline is near");
        assertThat(MailCapture.body(reminder)).contains(councilName);
        awaitMail(official, "提案の回答期限が近づいています");
        assertThat(subjectsTo(pi)).as("the PI answered: no reminder").noneMatch(s -> s.contains("回答期限"));

        // the pages of the module, in Japanese and in English
        open("/notifications?lang=ja");
        screenshot("notification-list-ja");
        assertNoSeriousViolations("notifications (ja)");
        open("/notifications?lang=en");
        waitForLang("en");
        screenshot("notification-list-en");
        assertNoSeriousViolations("notifications (en)");
        open("/?lang=en");
        screenshot("notification-home-en");
        assertNoSeriousViolations("my work (en)");
        open("/settings/notifications?lang=en");
        screenshot("notification-settings-en");
        assertNoSeriousViolations("notification settings (en)");
        open("/settings/notifications?lang=ja");
        screenshot("notification-settings-ja");
        assertNoSeriousViolations("notification settings (ja)");
        submit(By.id("save-settings"));
        assertThat(path()).as("saved, nothing refused").isEqualTo("/settings/notifications");
        open("/notifications?lang=ja");
        submit(By.id("read-all"));
        assertThat(text("#unread-count")).contains("0");

        // a named invitation: its e-mail, its page for the invitee, the council page listing it
        official = api.refreshed(official); // API tokens expire by the injected clock, which moved on
        String address = "invitee-" + UUID.randomUUID() + "@example.jp";
        String accept = api.call("POST", "/api/v1/councils/" + council + "/invitations", official.token(), Map.of(
                "role", "COMPANY", "invitee", Map.of("name", "招待 花子", "organization", "【架空】未来株式会社",
                        "email", address, "language", "ja")), 201).get("acceptPath").asString();
        MimeMessage invitation = awaitMail(address, "協議会への招待");
        assertThat(MailCapture.body(invitation)).contains(accept).doesNotContain(councilName);
        driver.manage().deleteAllCookies();
        open(accept + "?lang=ja");
        screenshot("notification-invitation-ja");
        assertNoSeriousViolations("named invitation (ja)");
        open(accept + "?lang=en");
        waitForLang("en");
        screenshot("notification-invitation-en");
        assertNoSeriousViolations("named invitation (en)");

        // the council page lists the pending invitation with its invitee, and offers named ones
        signIn(official.username(), ApiAccounts.PASSWORD);
        open("/councils/" + council + "?lang=ja#invitations");
        assertThat(text("#invitations-caption + thead + tbody")).contains("招待 花子", address, "未使用");
        assertThat(driver.findElements(By.id("inviteeEmail"))).hasSize(1);
        screenshot("notification-council-invitations-ja");
        assertNoSeriousViolations("council page with named invitations (ja)");
        open("/councils/" + council + "?lang=en#invitations");
        waitForLang("en");
        screenshot("notification-council-invitations-en");
        assertNoSeriousViolations("council page with named invitations (en)");
        driver.manage().deleteAllCookies();

        // the administrator's outbox: what was sent
        signIn("admin", adminPassword);
        open("/admin/outbox?lang=ja");
        assertThat(text("#mails")).contains(address);
        screenshot("notification-outbox-ja");
        assertNoSeriousViolations("outbox (ja)");
        open("/admin/outbox?lang=en");
        waitForLang("en");
        screenshot("notification-outbox-en");
        assertNoSeriousViolations("outbox (en)");
    }

    private void click(By button) {
        submit(button);
        clicks++;
    }

    private int waitingCount() {
        return Integer.parseInt(text("#waiting-count .badge"));
    }

    private static List<String> subjectsTo(Person person) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (MailCapture.to(message, person.username() + "@example.jp")) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }
}
