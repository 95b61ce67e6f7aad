package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.banso.council.ConsentDecision;
import org.banso.council.CouncilId;
import org.banso.council.CouncilViews.ParticipantView;
import org.banso.council.Councils;
import org.banso.council.Designation;
import org.banso.council.Matter;
import org.banso.council.ParticipantRole;
import org.banso.council.Pledges;
import org.banso.council.Proposals;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.information.InformationItems.ItemView;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.BrowserTestSupport;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.banso.web.DateFormats;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Deciding together, in the pages, in Japanese and in English (R14, R15, R16, R17): a designation proposed with the
 * editor, objected to with a reason, amended (kept and changed), adopted by everyone; the item CONTROLLED; an
 * out-of-scope participant answered like for an unknown id; the designation ended early by consensus and the item
 * visible again. Then research results public by default at the end of their review window (the injected clock
 * moved), one held back by an open designation proposal. The council, its people and items are set up through the
 * module APIs; every decision is taken in the browser. Screenshots under target/screenshots/deciding-*.png.
 */
@BansoIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecidingBrowserTest extends BrowserTestSupport {

    @Autowired
    Councils councils;
    @Autowired
    Pledges pledges;
    @Autowired
    Proposals proposals;
    @Autowired
    InformationItems items;
    @Autowired
    IdentityManagement identity;
    @Autowired
    MutableClock clock;

    private record Council(CouncilId id, Map<String, UUID> participants) {
    }

    private BansoUser person(String username) {
        return identity.userByUsername(username).map(UserView::asPrincipal).orElseThrow();
    }

    /** METI's council with the university PI (required consenter), the startup and the think tank, all pledged. */
    private Council council(List<UUID> projects) {
        BansoUser meti = person("meti");
        BansoUser researcher = person("researcher");
        BansoUser startup = person("startup");
        BansoUser analyst = person("analyst");
        CouncilId council = councils.propose(new Councils.NewCouncil("量子センサ情報管理協議会 " + System.nanoTime() % 100000,
                meti.organizationId(), projects, List.of(researcher.id())), meti).id();
        councils.recordConsent(council, ConsentDecision.CONSENT, researcher);
        councils.establish(council, meti);
        councils.addParticipant(council, new Councils.NewParticipant(startup.organizationId(),
                ParticipantRole.STARTUP, startup.id(), List.of()), meti);
        councils.addParticipant(council, new Councils.NewParticipant(analyst.organizationId(),
                ParticipantRole.THINK_TANK, analyst.id(), List.of()), meti);
        councils.addParticipant(council, new Councils.NewParticipant(researcher.organizationId(),
                ParticipantRole.UNIVERSITY, researcher.id(), List.of()), meti);
        for (BansoUser p : List.of(meti, startup, analyst, researcher)) {
            pledges.sign(council, "ja", p);
        }
        Map<UserId, String> names = Map.of(meti.id(), "meti", startup.id(), "startup", analyst.id(), "analyst",
                researcher.id(), "researcher");
        Map<String, UUID> participants = councils.council(council, meti).participants().stream()
                .collect(Collectors.toMap(p -> names.get(p.representativeId()), (ParticipantView p) -> p.id().value()));
        return new Council(council, participants);
    }

    private ItemView upload(CouncilId council, String title, ItemCategory category, UUID project) {
        return items.upload(council, new InformationItems.NewItem(title, category, project),
                new InformationItems.Upload("note.txt", new ByteArrayInputStream(
                        ("本文: " + title).getBytes(StandardCharsets.UTF_8))), person("startup"));
    }

    @Test
    @Order(1)
    void inJapanese() {
        walk("ja");
    }

    @Test
    @Order(2)
    void inEnglish() {
        walk("en");
    }

    private void walk(String lang) {
        boolean ja = "ja".equals(lang);
        Council council = council(List.of());
        String title = (ja ? "較正記録 " : "Calibration log ") + System.nanoTime() % 100000;
        ItemView item = upload(council.id(), title, ItemCategory.SAMPLING_DATA, null);
        LocalDate today = LocalDate.ofInstant(clock.instant(), DateFormats.JAPAN);
        String councilPath = "/councils/" + council.id();

        // the official proposes a designation with the editor; a rationale left out comes back by its field
        continueAs("meti", DEMO_PASSWORD);
        open(councilPath + "?lang=" + lang);
        waitForLang(lang);
        new Select(driver.findElement(By.id("matter"))).selectByValue("INFORMATION_MANAGEMENT");
        driver.findElement(By.id("title")).sendKeys(ja ? "較正記録の管理指定" : "Controlling the calibration log");
        driver.findElement(By.id("body")).sendKeys(ja ? "較正記録を特許出願まで管理する。"
                : "The calibration log is controlled until the patent is filed.");
        driver.findElement(By.id("target-ITEMS")).click();
        driver.findElement(By.id("item-" + item.id().value())).click();
        for (String who : List.of("meti", "startup", "researcher")) {
            driver.findElement(By.id("scope-" + council.participants().get(who))).click();
        }
        setValue("periodStart", today.toString());
        setValue("periodEnd", today.plusDays(180).toString());
        driver.findElement(By.id("handling-VIEW_ONLY")).click();
        driver.findElement(By.id("after-PUBLIC")).click();
        driver.findElement(By.id("rationaleSocialImplementation")).sendKeys(ja ? "量産化の検討に用いる。" : "Used to plan production.");
        driver.findElement(By.id("rationaleLeakagePrevention")).sendKeys(ja ? "装置の性能が推定できる。" : "It reveals the device.");
        driver.findElement(By.id("rationaleInnovation")).sendKeys(ja ? "大学と共同で検討する。" : "Shared with the university.");
        submit(By.id("submit-proposal"));
        assertThat(text("#error-summary")).contains(ja ? "研究参画へのインセンティブ" : "Participation incentive");
        assertThat(text("#rationaleParticipationIncentive-error")).isNotEmpty();
        assertThat(driver.findElement(By.id("item-" + item.id().value())).isSelected()).as("kept").isTrue();
        screenshot("deciding-form-refused-" + lang);
        assertNoSeriousViolations("proposal form refused (" + lang + ")");
        driver.findElement(By.id("rationaleParticipationIncentive")).sendKeys(ja ? "提供者の先行利益を守る。" : "Protects the provider.");
        submit(By.id("submit-proposal"));
        assertThat(text("#proposal-status")).isEqualTo(ja ? "審議中" : "Open");
        String proposalPath = path();
        assertThat(text("#decision-what")).contains(title);
        assertThat(text("#decision-left-out")).contains(ja ? "シンクタンク" : "Think tank");
        assertThat(text("#decision-period")).contains(ja ? "終了まで" : "Ends");
        screenshot("deciding-proposal-" + lang);
        assertNoSeriousViolations("proposal with its decision card (" + lang + ")");
        signOut();

        // the think tank, left out, objects with its reason
        continueAs("analyst", DEMO_PASSWORD);
        open(proposalPath + "?lang=" + lang);
        String reason = ja ? "期間が長すぎる。120日で足りるはず。" : "Too long: 120 days would do.";
        driver.findElement(By.id("object-reason")).sendKeys(reason);
        submit(By.id("answer-object"));
        assertThat(text("#answers")).contains(reason);
        signOut();

        // the official amends: the designation kept, its end changed
        continueAs("meti", DEMO_PASSWORD);
        open(proposalPath + "?lang=" + lang);
        setValue("periodEnd", today.plusDays(120).toString());
        submit(By.id("amend-submit"));
        assertThat(text("#proposal-status")).isEqualTo(ja ? "審議中" : "Open");
        assertThat(text("#decision-what")).as("the designation kept").contains(title);
        assertThat(text("#comparison-table .comparison__row--changed")).contains(ja ? "期間" : "Period");
        screenshot("deciding-amended-" + lang);
        assertNoSeriousViolations("amended proposal with its comparison (" + lang + ")");
        submit(By.id("answer-consent"));
        signOut();

        // everyone consents: adopted, the item CONTROLLED
        for (String who : List.of("startup", "researcher", "analyst")) {
            continueAs(who, DEMO_PASSWORD);
            open(proposalPath + "?lang=" + lang);
            submit(By.id("answer-consent"));
            signOut();
        }
        continueAs("startup", DEMO_PASSWORD);
        open(proposalPath + "?lang=" + lang);
        assertThat(text("#proposal-status")).isEqualTo(ja ? "採択" : "Adopted");
        screenshot("deciding-adopted-" + lang);
        assertNoSeriousViolations("adopted proposal (" + lang + ")");
        open("/items/" + item.id() + "?lang=" + lang);
        assertThat(text("#item-marking")).contains(ja ? "管理指定" : "Controlled");
        signOut();

        // R12, R17: the think tank is out of scope — the very page an unknown id gets
        continueAs("analyst", DEMO_PASSWORD);
        open("/items/" + item.id() + "?lang=" + lang);
        String outOfScope = driver.findElement(By.tagName("main")).getText();
        open("/items/" + UUID.randomUUID() + "?lang=" + lang);
        assertThat(driver.findElement(By.tagName("main")).getText()).isEqualTo(outOfScope);
        signOut();

        // R16: the official proposes to end it early; everyone consents; the item is public again
        continueAs("meti", DEMO_PASSWORD);
        open(councilPath + "?lang=" + lang);
        submit(By.cssSelector(".lift-link"));
        assertThat(driver.findElement(By.id("lift-mode-END")).isSelected()).isTrue();
        driver.findElement(By.id("body")).sendKeys(ja ? "特許出願が済んだため、期間前に終了する。"
                : "The patent is filed: end it now.");
        submit(By.id("submit-proposal"));
        String liftPath = path();
        assertThat(text("#decision-lift")).contains(title);
        screenshot("deciding-lift-" + lang);
        assertNoSeriousViolations("proposal ending a designation early (" + lang + ")");
        submit(By.id("answer-consent"));
        signOut();
        for (String who : List.of("startup", "researcher", "analyst")) {
            continueAs(who, DEMO_PASSWORD);
            open(liftPath + "?lang=" + lang);
            submit(By.id("answer-consent"));
            signOut();
        }
        continueAs("analyst", DEMO_PASSWORD);
        open("/items/" + item.id() + "?lang=" + lang);
        assertThat(text("#item-marking")).contains(ja ? "公開" : "Public");
        signOut();
        open("/?lang=ja");
    }

    @Test
    @Order(3)
    void researchResultsArePublicWhenTheirReviewWindowEndsUnlessAProposalToDesignateThemIsOpen() {
        UUID project = UUID.randomUUID();
        Council council = council(List.of(project));
        ItemView open = upload(council.id(), "干渉計の成果 " + System.nanoTime() % 100000, ItemCategory.RESEARCH_RESULT,
                project);
        ItemView held = upload(council.id(), "未公表の成果 " + System.nanoTime() % 100000, ItemCategory.RESEARCH_RESULT,
                project);
        Instant now = clock.instant();
        proposals.propose(council.id(), new Proposals.NewProposal(Matter.CONTENT_AND_RESULTS, "未公表の成果の管理指定",
                "特許出願まで管理する。", new Designation(List.of(held.id().value()), null,
                List.of(council.participants().get("meti"), council.participants().get("startup")), now,
                now.plus(Duration.ofDays(300)), "VIEW_ONLY", "PUBLIC", new Designation.Rationale("社会実装",
                "流出防止", "イノベーション", "インセンティブ")), null), person("meti"));

        clock.advance(Duration.ofHours(1));
        signIn("startup", DEMO_PASSWORD);
        open("/items/" + open.id() + "?lang=ja");
        assertThat(text("#review-window")).contains("自動公開まで", "あと59日23時間");
        screenshot("deciding-review-window-ja");
        assertNoSeriousViolations("item with its review window (ja)");
        open("/items/" + held.id() + "?lang=en");
        assertThat(text("#review-window")).contains("Publication held");
        screenshot("deciding-review-held-en");
        assertNoSeriousViolations("item held by an open proposal (en)");
        signOut();

        // 60 days later, no job needed: one is public, the other waits for the proposal's outcome
        clock.set(now.plus(Duration.ofDays(60)).plusSeconds(60));
        signIn("mext", DEMO_PASSWORD);
        open("/items/" + open.id() + "?lang=ja");
        assertThat(text("#item-marking")).contains("公開");
        String unknown = driver.findElement(By.tagName("main")).getText();
        open("/items/" + held.id() + "?lang=ja");
        String heldText = driver.findElement(By.tagName("main")).getText();
        open("/items/" + UUID.randomUUID() + "?lang=ja");
        assertThat(heldText).isEqualTo(driver.findElement(By.tagName("main")).getText()).isNotEqualTo(unknown);
        signOut();
        signIn("startup", DEMO_PASSWORD);
        open("/items/" + held.id() + "?lang=ja");
        assertThat(text("#review-window")).contains("公開保留中");
        signOut();
        open("/?lang=ja");
    }

    private void setValue(String id, String value) {
        driver.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                driver.findElement(By.id(id)), value);
    }

    private void signOut() {
        driver.manage().deleteAllCookies();
    }
}
