package org.banso.council.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.banso.council.ConsentDecision;
import org.banso.council.CouncilId;
import org.banso.council.Councils;
import org.banso.council.ParticipantRole;
import org.banso.council.Pledges;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.information.InformationItems;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
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
class CouncilBrowserTest extends BrowserTestSupport {

    @Autowired
    Councils councils;
    @Autowired
    Pledges pledges;
    @Autowired
    InformationItems items;
    @Autowired
    IdentityManagement identity;

    @Test
    void ministryAndResearchersWalkFromProposingACouncilToAnAdoptedProposal() {
        String name = "量子センサ協議会 " + System.nanoTime() % 100000;

        // the METI official proposes the council; the university PI's consent is required (R5)
        continueAs("meti", DEMO_PASSWORD);
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
        continueAs("researcher", DEMO_PASSWORD);
        open(councilPath);
        screenshot("council-consent-ja");
        assertNoSeriousViolations("council consent (ja)");
        submit(By.id("consent"));
        assertThat(text("#consents")).contains("研究 桜", "同意");
        signOut();

        // the official establishes it and invites the startup (R13)
        continueAs("meti", DEMO_PASSWORD);
        open(councilPath);
        submit(By.id("establish"));
        assertThat(text("#council-status")).isEqualTo("設置済み");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("role")))
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
        continueAs("startup", DEMO_PASSWORD);
        open(invitation);
        screenshot("council-invitation-ja");
        assertNoSeriousViolations("invitation (ja)");
        submit(By.id("accept-invitation"));
        assertThat(text("[role=status]")).contains("協議会に参加しました");
        assertThat(driver.findElements(By.id("proposals"))).as("nothing non-public before the pledge").isEmpty();
        screenshot("council-pledge-ja");
        assertNoSeriousViolations("pledge (ja)");
        signPledgeAfterJoining(councilPath);
        assertThat(text("#pledge")).contains("署名済み");
        signOut();

        // the official makes a proposal of matter (3)
        continueAs("meti", DEMO_PASSWORD);
        open(councilPath);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("matter")))
                .selectByValue("CONTENT_AND_RESULTS");
        driver.findElement(By.id("title")).sendKeys("試作センサの評価結果の取扱い");
        driver.findElement(By.id("body")).sendKeys("評価結果は論文発表まで協議会内に限る。");
        submit(By.id("submit-proposal"));
        assertThat(text("#proposal-status")).isEqualTo("審議中");
        String proposalPath = path();
        submit(By.id("answer-consent"));
        assertThat(text("#proposal-status")).as("the startup has not answered").isEqualTo("審議中");
        signOut();

        // the startup objects
        continueAs("startup", DEMO_PASSWORD);
        open(proposalPath);
        driver.findElement(By.id("object-reason")).sendKeys("特許出願前のため、公表時期を明記してほしい。");
        submit(By.id("answer-object"));
        assertThat(text("#answers")).contains("異議", "特許出願前");
        screenshot("proposal-objected-ja");
        assertNoSeriousViolations("proposal objected (ja)");
        signOut();

        // the official amends: everyone is asked again
        continueAs("meti", DEMO_PASSWORD);
        open(proposalPath);
        WebElement body = driver.findElement(By.id("body"));
        body.clear();
        body.sendKeys("評価結果は特許出願の後、論文発表まで協議会内に限る。");
        submit(By.id("amend-submit"));
        assertThat(text("[role=status]")).contains("全員に改めて回答を求めます");
        assertThat(text("#answers")).doesNotContain("異議");
        submit(By.id("answer-consent"));
        signOut();

        // the startup consents last: adopted
        continueAs("startup", DEMO_PASSWORD);
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
        continueAs("meti", DEMO_PASSWORD);
        open(councilPath + "/follow-up?lang=ja");
        driver.findElement(By.id("meetingTitle")).sendKeys("第1回 量子センサ協議会");
        setValue("startsAt", "2026-12-10T10:00");
        setValue("endsAt", "2026-12-10T12:00");
        driver.findElement(By.id("place")).sendKeys("経済産業省 本館");
        driver.findElement(By.id("agendaTitle1")).sendKeys("評価結果の共有");
        submit(By.cssSelector("form[action$='/meetings'] [type=submit]"));
        assertThat(text("[role=status]")).isEqualTo("記録しました。");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("proposalId"))).selectByIndex(1);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("assigneeParticipantId")))
                .selectByVisibleText("【架空】株式会社ミライ量子");
        driver.findElement(By.id("taskTitle")).sendKeys("特許出願の完了を報告する");
        setValue("taskDue", "2026-12-24");
        submit(By.cssSelector("form[action$='/tasks'] [type=submit]"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("addresseeParticipantId")))
                .selectByVisibleText("【架空】株式会社ミライ量子");
        driver.findElement(By.id("materialTitle")).sendKeys("試作センサの仕様書");
        setValue("materialDue", "2026-12-17");
        submit(By.cssSelector("form[action$='/material-requests'] [type=submit]"));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("第1回 量子センサ協議会", "特許出願の完了を報告する", "試作センサの仕様書", "依頼中");
        screenshot("council-follow-up-ja");
        assertNoSeriousViolations("follow-up (ja)");
        signOut();

        // the startup completes its action item and declines the material request with a reason
        continueAs("startup", DEMO_PASSWORD);
        open(councilPath + "/follow-up?lang=en");
        submit(By.cssSelector("button[aria-label='Mark done: 特許出願の完了を報告する']"));
        driver.findElement(By.cssSelector("input[name=reason]")).sendKeys("Not yet approved for sharing.");
        submit(By.cssSelector("button[name=action][value=decline]"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Done", "Declined",
                "Not yet approved for sharing.");
        screenshot("council-follow-up-en");
        assertNoSeriousViolations("follow-up (en)");
        open("/?lang=ja");
    }

    @Test
    void aNewcomerWithoutAnAccountRegistersThroughTheInvitationAndSignsThePledge() {
        // R13: no administrator creates the newcomer's organization or account
        String name = "新規参加協議会 " + System.nanoTime() % 100000;
        continueAs("meti", DEMO_PASSWORD);
        open("/councils?lang=ja");
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("consenters")).sendKeys("researcher");
        submit(By.cssSelector("form[action$='/councils'] [type=submit]"));
        String councilPath = path();
        signOut();
        continueAs("researcher", DEMO_PASSWORD);
        open(councilPath);
        submit(By.id("consent"));
        signOut();
        continueAs("meti", DEMO_PASSWORD);
        open(councilPath);
        submit(By.id("establish"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("role")))
                .selectByValue("STARTUP");
        submit(By.id("invite"));
        String invitation = driver.findElement(By.id("invitation-link")).getDomAttribute("href");
        signOut();

        // signed out: the invitation page offers to log in or to register
        open(invitation);
        assertThat(driver.findElements(By.id("login-to-accept"))).hasSize(1);
        screenshot("council-invitation-newcomer-ja");
        assertNoSeriousViolations("invitation, signed out (ja)");
        String username = "newcomer-" + System.nanoTime() % 1000000;
        driver.findElement(By.id("name")).sendKeys("株式会社 新規 " + username);
        driver.findElement(By.id("nameEn")).sendKeys("Shinki KK " + username);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind"))).selectByValue("STARTUP");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("displayName")).sendKeys("新規 太郎");
        driver.findElement(By.id("email")).sendKeys("x@invalid");
        driver.findElement(By.id("password")).sendKeys("short");
        setValue("email", "not-an-address");
        driver.executeScript("document.getElementById('register-form').noValidate = true;");
        submit(By.id("register-and-join"));
        assertThat(text("#email-error")).contains("メールアドレス");
        assertThat(text("#password-error")).contains("パスワード");
        screenshot("council-invitation-newcomer-errors-ja");
        assertNoSeriousViolations("invitation, registration refused (ja)");
        setValue("email", username + "@example.jp");
        driver.findElement(By.id("password")).sendKeys("sakura-tsubomi-2026");
        submit(By.id("register-and-join"));

        // signed in as the newcomer, on the council page, asked to sign the pledge
        assertThat(path()).startsWith(councilPath);
        assertThat(text("[role=status]")).contains("協議会に参加しました");
        assertThat(driver.findElements(By.id("proposals"))).as("nothing non-public before the pledge").isEmpty();
        screenshot("council-pledge-newcomer-ja");
        signPledgeAfterJoining(councilPath);
        assertThat(text("#pledge")).contains("署名済み");
    }

    /**
     * Issue 17, safe actions: a participant revokes their pledge only after a page saying what that ends, and is told
     * whose pledge ended; opening an item then says why it is closed and leads to the pledge in one click, and signing
     * goes on to that item (R12: not before). The official removes an organisation only after a page naming it and its
     * people, and the result names it (not "you left").
     */
    @Test
    void destructiveStepsAreConfirmedAndAPledgelessParticipantGoesOnToTheItemOnceSigned() {
        BansoUser meti = principal("meti");
        BansoUser researcher = principal("researcher");
        BansoUser startup = principal("startup");
        CouncilId council = councils.propose(new Councils.NewCouncil("確認手順の協議会 " + System.nanoTime() % 100000,
                meti.organizationId(), List.of(), List.of(researcher.id())), meti).id();
        councils.recordConsent(council, ConsentDecision.CONSENT, researcher);
        councils.establish(council, meti);
        councils.addParticipant(council, new Councils.NewParticipant(startup.organizationId(),
                ParticipantRole.STARTUP, startup.id(), List.of()), meti);
        councils.addParticipant(council, new Councils.NewParticipant(researcher.organizationId(),
                ParticipantRole.UNIVERSITY, researcher.id(), List.of()), meti);
        pledges.sign(council, "ja", meti);
        pledges.sign(council, "ja", startup);
        ItemId item = items.upload(council, new InformationItems.NewItem("確認手順の資料", ItemCategory.REPORT, null),
                new InformationItems.Upload("memo.txt", new ByteArrayInputStream(
                        "署名した人だけが読める本文".getBytes(StandardCharsets.UTF_8))), startup).id();
        String councilPath = "/councils/" + council.value();

        signIn("startup", DEMO_PASSWORD);
        open(councilPath + "?lang=ja");
        submit(By.id("pledge-revoke"));
        assertThat(heading()).isEqualTo("誓約を撤回しますか");
        assertThat(text("#confirm-whom")).contains("起業 翔");
        assertThat(text("#confirm-irreversible")).contains("取り消すことはできません");
        screenshot("council-confirm-revoke-pledge-ja");
        assertNoSeriousViolations("confirm revoking the pledge (ja)");
        submit(By.id("confirm-submit"));
        assertThat(text("#saved-notice")).contains("起業 翔", "誓約を撤回しました");

        // R12: the item is closed, with the reason and the one click to the pledge; signing goes on to the item
        open("/items/" + item.value());
        assertThat(heading()).isEqualTo("先に誓約書への署名が必要です");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("署名した人だけが読める本文");
        screenshot("pledge-required-ja");
        assertNoSeriousViolations("pledge required (ja)");
        submit(By.id("pledge-link"));
        driver.findElement(By.id("accept")).click();
        submit(By.id("pledge-sign"));
        assertThat(path()).isEqualTo("/items/" + item.value());
        assertThat(heading()).contains("確認手順の資料");
        signOut();

        // the official removes the university: asked first, naming it and its people; the result names it
        String university = identity.organization(researcher.organizationId()).orElseThrow().nameEn();
        signIn("meti", DEMO_PASSWORD);
        open(councilPath + "?lang=en");
        submit(By.cssSelector("button[aria-label='Remove " + university + "']"));
        assertThat(heading()).isEqualTo("Remove this organization from the council?");
        assertThat(text("#confirm-whom")).contains(university, "研究 桜");
        screenshot("council-confirm-remove-en");
        assertNoSeriousViolations("confirm removing an organization (en)");
        submit(By.id("confirm-submit"));
        assertThat(text("#saved-notice")).contains(university + " was removed", "研究 桜")
                .doesNotContain("You left");
        assertThat(text("#participants")).doesNotContain(university);
        screenshot("council-removed-en");
        assertNoSeriousViolations("council after removing (en)");
        open("/?lang=ja");
    }

    private BansoUser principal(String username) {
        return identity.userByUsername(username).orElseThrow().asPrincipal();
    }

    private void setValue(String id, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }

    private void signPledge() {
        driver.findElement(By.id("accept")).click();
        submit(By.id("pledge-sign"));
        assertThat(driver.findElement(By.id("pledge")).getText()).containsAnyOf("署名済み", "You have signed");
    }

    /**
     * Someone who has just joined by invitation was going to the council's information: signing leads on to its items
     * (issue 16), saying so; the council page's pledge panel then reports the signature.
     */
    private void signPledgeAfterJoining(String councilPath) {
        driver.findElement(By.id("accept")).click();
        submit(By.id("pledge-sign"));
        assertThat(path()).isEqualTo(councilPath + "/items");
        assertThat(text("[role=status]")).contains("誓約書に署名しました");
        open(councilPath);
        assertThat(driver.findElement(By.id("pledge")).getText()).contains("署名済み");
    }

    private void signOut() {
        driver.manage().deleteAllCookies();
    }

}
