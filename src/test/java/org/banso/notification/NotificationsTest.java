package org.banso.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMemberships;
import org.banso.council.Councils;
import org.banso.identity.UserId;
import org.banso.notification.NotificationTestSupport.OutboxMail;
import org.banso.notification.internal.NotificationTestHooks;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications through the real API, modules and database, with no mail host (the zero-setup default): every mail
 * is kept LOCAL in the outbox, where these tests read it.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class NotificationsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    CouncilMemberships memberships;

    @Autowired
    Councils councils;

    @Autowired
    NotificationTestHooks hooks;

    NotificationTestSupport api;
    Person official;
    Person pi;
    Person startup;

    @BeforeEach
    void people() throws Exception {
        api = new NotificationTestSupport(mvc, json, jdbc);
        official = api.official();
        pi = api.researcher("UNIVERSITY");
        startup = api.researcher("STARTUP");
    }

    private void advance(Duration duration) throws Exception {
        clock.advance(duration);
        official = api.refreshed(official);
        pi = api.refreshed(pi);
        startup = api.refreshed(startup);
    }

    @Test
    void aProposalAsksEachRepresentativeInTheirLanguageAndTheirAnswerLeavesTheirWork() throws Exception { // R14
        api.language(startup, "en");
        String council = api.establishedCouncil(official, NotificationTestSupport.unique("量子協議会-"), pi);
        api.join(council, official, pi, "UNIVERSITY");
        api.join(council, official, startup, "STARTUP");
        String proposal = api.propose(council, official, "秘匿すべき題名", "秘匿すべき本文", null);

        OutboxMail toPi = last(api.mailsTo(pi));
        assertThat(toPi.kind()).isEqualTo("PROPOSAL_TO_ANSWER");
        assertThat(toPi.language()).isEqualTo("ja");
        assertThat(toPi.subject()).contains("提案への回答のお願い");
        assertThat(toPi.state()).as("no mail host: kept for the outbox page").isEqualTo("LOCAL");
        OutboxMail toStartup = last(api.mailsTo(startup));
        assertThat(toStartup.language()).isEqualTo("en");
        assertThat(toStartup.subject()).contains("A proposal awaits your answer");
        assertThat(toStartup.body()).contains("/notifications/").contains("/open");
        assertThat(api.kindsOf(official)).as("the proposer is on the page already").doesNotContain(
                "PROPOSAL_TO_ANSWER");

        assertThat(kinds(api.work(pi))).contains("work.kind.PROPOSAL_ANSWER");
        int before = hooks.waitingCount(pi.username());
        api.consent(proposal, pi);
        assertThat(kinds(api.work(pi))).doesNotContain("work.kind.PROPOSAL_ANSWER");
        assertThat(hooks.waitingCount(pi.username())).isEqualTo(before - 1);
    }

    /**
     * Issue 16, R12, R17: every kind of notification is made once through the real modules, and each e-mail, as soon
     * as it is written, is checked against what its recipient may see: no title, body, place or person's name of the
     * council; the council's name exactly when the council module's memberships query says the recipient is a member
     * (the query every access decision asks, not a copy of it).
     */
    @Test
    void everyKindOfMailSaysOnlyWhatTheRecipientMaySee() throws Exception {
        councilName = NotificationTestSupport.unique("秘密の協議会-");
        secrets = new ArrayList<>(List.of("極秘の提案題名", "極秘の提案本文", "極秘の会合題名",
                "霞が関秘密会議室", "極秘の取組", "極秘の資料依頼", "極秘の成果物", "極秘の招待先"));
        Person analyst = api.person(api.organization("THINK_TANK"), "ANALYST");
        recipients = List.of(official, pi, startup, analyst);
        for (Person p : recipients) {
            secrets.add(displayName(p));
        }
        // R5, R12: a council asks the PI's consent; established, the competent ministry's members sign
        council = api.establishedCouncil(official, councilName, pi);
        checkNewMails();
        api.join(council, official, pi, "UNIVERSITY");
        String startupParticipant = api.join(council, official, startup, "STARTUP");
        checkNewMails();
        // R14: a proposal with a deadline, a reminder, a decision
        Instant deadline = clock.instant().plus(Duration.ofDays(2));
        String proposal = api.propose(council, official, "極秘の提案題名", "極秘の提案本文", deadline.toString());
        hooks.remind();
        api.call("POST", "/api/v1/proposals/" + proposal + "/withdraw", official.token(), null, 200);
        checkNewMails();
        // meetings: scheduled, moved, cancelled
        String meeting = api.call("POST", "/api/v1/councils/" + council + "/meetings", official.token(), Map.of(
                "title", "極秘の会合題名", "startsAt", clock.instant().plus(Duration.ofDays(3)).toString(),
                "endsAt", clock.instant().plus(Duration.ofDays(3)).plus(Duration.ofHours(2)).toString(),
                "place", "霞が関秘密会議室", "agenda", List.of()), 201).get("id").asString();
        api.call("PUT", "/api/v1/meetings/" + meeting, official.token(), Map.of(
                "startsAt", clock.instant().plus(Duration.ofDays(4)).toString(),
                "endsAt", clock.instant().plus(Duration.ofDays(4)).plus(Duration.ofHours(2)).toString(),
                "place", "霞が関秘密会議室"), 200);
        api.call("POST", "/api/v1/meetings/" + meeting + "/cancel", official.token(), null, 200);
        checkNewMails();
        // R9, R11: a support request for the ministry and materials from the startup, both due tomorrow
        String tomorrow = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo")).plusDays(1).toString();
        api.call("POST", "/api/v1/councils/" + council + "/tasks", official.token(), Map.of(
                "kind", "REGULATORY_RELAXATION", "responsibleMinistryId", official.organizationId(),
                "title", "極秘の取組", "dueDate", tomorrow), 201);
        api.call("POST", "/api/v1/councils/" + council + "/material-requests", official.token(), Map.of(
                "addresseeParticipantId", startupParticipant, "title", "極秘の資料依頼", "dueDate", tomorrow), 201);
        // R18: a deliverable of the analyst's organization due today
        commissionDueToday(analyst, "極秘の成果物");
        // R13: a named invitation
        api.call("POST", "/api/v1/councils/" + council + "/invitations", official.token(), Map.of("role", "COMPANY",
                "invitee", Map.of("name", "極秘の招待先", "organization", "【架空】株式会社", "email",
                        "invitee-" + UUID.randomUUID() + "@example.jp", "language", "ja")), 201);
        // R16: a designation's period ended (the information module's event, as its release job publishes it)
        hooks.designationReleased(council);
        checkNewMails();
        // everything due is now overdue
        advance(Duration.ofDays(3));
        hooks.remind();
        checkNewMails();
        // R12: the startup leaves; its people are told, without the council's name any more
        api.call("DELETE", "/api/v1/councils/" + council + "/participants/" + startupParticipant, official.token(),
                null, 200);
        checkNewMails();

        assertThat(seen).as("every kind was checked").containsExactlyInAnyOrder(NotificationKind.values());
    }

    private String council;
    private String councilName;
    private List<String> secrets;
    private List<Person> recipients;
    private final Set<String> checked = new java.util.HashSet<>();
    private final Set<NotificationKind> seen = EnumSet.noneOf(NotificationKind.class);

    /** Checks each mail written since the last call against the recipient's membership now, when it was written. */
    private void checkNewMails() {
        List<OutboxMail> mails = new ArrayList<>(api.mailsWithKeys(hooks.invitationMailKeys(council)));
        for (Person p : recipients) {
            mails.addAll(api.mailsTo(p));
        }
        for (OutboxMail mail : mails) {
            if (!checked.add(mail.id())) {
                continue;
            }
            NotificationKind kind = mail.kind() == null ? NotificationKind.INVITATION
                    : NotificationKind.valueOf(mail.kind());
            seen.add(kind);
            String text = mail.subject() + "\n" + mail.body() + "\n" + (mail.calendar() == null ? "" : mail.calendar());
            for (String secret : secrets) {
                assertThat(text).as("%s mail to %s", kind, mail.address()).doesNotContain(secret);
            }
            boolean member = mail.recipientId() != null && memberships.membership(new CouncilId(
                    UUID.fromString(council)), new UserId(UUID.fromString(mail.recipientId()))).isPresent();
            if (member) {
                assertThat(text).as("%s mail to a member names the council", kind).contains(councilName);
            } else {
                assertThat(text).as("%s mail to %s, no member, names no council", kind, mail.address())
                        .doesNotContain(councilName);
            }
        }
    }

    @Test
    void whatAsksForAnAnswerGoesToTheDigestButIsNeverSwitchedOff() throws Exception {
        JsonNode refused = api.problem("PUT", "/api/v1/notifications/settings", pi.token(), Map.of("language", "ja",
                "emailModes", Map.of("PROPOSAL_TO_ANSWER", "OFF", "MEETING_SCHEDULED", "OFF")), 400,
                "validation-failed");
        assertThat(refused.toString()).contains("emailModes.PROPOSAL_TO_ANSWER");
        assertThat(api.call("GET", "/api/v1/notifications/settings", pi.token(), null, 200)
                .get("emailModes").get("MEETING_SCHEDULED").asString()).as("nothing changed").isEqualTo("IMMEDIATE");

        api.call("PUT", "/api/v1/notifications/settings", pi.token(), Map.of("language", "en",
                "emailModes", Map.of("PROPOSAL_TO_ANSWER", "DIGEST")), 200);
        String council = api.establishedCouncil(official, NotificationTestSupport.unique("協議会-"), pi);
        api.join(council, official, pi, "UNIVERSITY");
        int before = api.mailsTo(pi).size();
        api.propose(council, official, "題名", "本文", null);
        assertThat(api.kindsOf(pi)).contains("PROPOSAL_TO_ANSWER");
        assertThat(api.mailsTo(pi)).as("no mail right away").hasSize(before);

        assertThat(hooks.writeDigests()).isPositive();
        OutboxMail digest = last(api.mailsTo(pi));
        assertThat(digest.subject()).contains("This week's notifications");
        assertThat(digest.body()).contains("A proposal awaits your answer");
        hooks.writeDigests();
        assertThat(api.mailsTo(pi)).as("taken once").hasSize(before + 1);
    }

    @Test
    void remindersGoBeforeTheDeadlineToThoseWhoHaveNotAnsweredOnceEach() throws Exception { // R14
        String council = api.establishedCouncil(official, NotificationTestSupport.unique("協議会-"), pi);
        api.join(council, official, pi, "UNIVERSITY");
        api.join(council, official, startup, "STARTUP");
        Instant deadline = clock.instant().plus(Duration.ofDays(5));
        String proposal = api.propose(council, official, "題名", "本文", deadline.toString());
        api.consent(proposal, pi);

        hooks.remind();
        assertThat(api.kindsOf(startup)).as("5 days before: not yet").doesNotContain("PROPOSAL_REMINDER");
        advance(Duration.ofDays(2).plusHours(1)); // under 3 days left
        hooks.remind();
        hooks.remind();
        assertThat(api.kindsOf(startup).stream().filter("PROPOSAL_REMINDER"::equals)).as("once").hasSize(1);
        assertThat(api.kindsOf(pi)).as("answered: not reminded").doesNotContain("PROPOSAL_REMINDER");
        assertThat(api.kindsOf(official)).as("the ministry's representative has not answered")
                .contains("PROPOSAL_REMINDER");
        advance(Duration.ofDays(2)); // under 1 day left
        hooks.remind();
        assertThat(api.kindsOf(startup).stream().filter("PROPOSAL_REMINDER"::equals)).hasSize(2);
        advance(Duration.ofDays(1)); // lapsed: silence is never consent, and nobody is reminded any more
        hooks.remind();
        assertThat(api.kindsOf(startup).stream().filter("PROPOSAL_REMINDER"::equals)).hasSize(2);
        OutboxMail reminder = last(api.mailsTo(startup));
        assertThat(reminder.body()).contains("期限");
    }

    @Test
    void notificationsAreEachPersonsOwnAndTheOutboxIsForAdministrators() throws Exception {
        String council = api.establishedCouncil(official, NotificationTestSupport.unique("協議会-"), pi);
        api.join(council, official, pi, "UNIVERSITY");
        api.propose(council, official, "題名", "本文", null);
        JsonNode page = api.call("GET", "/api/v1/notifications", pi.token(), null, 200);
        assertThat(page.get("unread").asLong()).isPositive();
        String id = page.get("notifications").get(0).get("id").asString();
        api.problem("POST", "/api/v1/notifications/" + id + "/read", startup.token(), null, 404, "not-found");
        assertThat(api.call("POST", "/api/v1/notifications/" + id + "/read", pi.token(), null, 200)
                .get("readAt").isNull()).isFalse();
        api.call("POST", "/api/v1/notifications/read-all", pi.token(), null, 200);
        assertThat(api.call("GET", "/api/v1/notifications", pi.token(), null, 200).get("unread").asLong())
                .isZero();

        api.problem("GET", "/api/v1/admin/outbox", pi.token(), null, 404, "not-found");
        JsonNode outbox = api.call("GET", "/api/v1/admin/outbox", api.admin(), null, 200);
        assertThat(outbox.toString()).contains(pi.username() + "@example.jp").contains("LOCAL");
    }

    @Test
    void aNamedInvitationIsMailedAndAClosedLinkRevealsNothingOfTheCouncil() throws Exception { // R13
        String councilName = NotificationTestSupport.unique("招待元協議会-");
        String council = api.establishedCouncil(official, councilName, pi);
        String address = "named-" + UUID.randomUUID() + "@example.jp";
        api.problem("POST", "/api/v1/councils/" + council + "/invitations", official.token(), Map.of("role",
                "STARTUP", "invitee", Map.of("name", "", "organization", "x", "email", "not-an-address")), 400,
                "validation-failed");
        assertThat(api.mailsTo(address)).isEmpty();
        JsonNode issued = api.call("POST", "/api/v1/councils/" + council + "/invitations", official.token(),
                Map.of("role", "STARTUP", "invitee", Map.of("name", "招待 花子", "organization", "【架空】未来株式会社",
                        "email", address, "language", "en")), 201);
        assertThat(Duration.between(clock.instant(), Instant.parse(issued.get("expiresAt").asString())))
                .as("14 days by default").isEqualTo(Duration.ofDays(14));
        OutboxMail mail = last(api.mailsTo(address));
        assertThat(mail.body()).contains(issued.get("acceptPath").asString()).doesNotContain(councilName)
                .contains("invited");
        JsonNode list = api.call("GET", "/api/v1/councils/" + council + "/invitations", official.token(), null, 200);
        assertThat(list.toString()).contains("招待 花子").contains(address);

        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get(issued.get("acceptPath").asString())).andReturn().getResponse().getContentAsString();
        assertThat(page).as("an open link names the council to its bearer").contains(councilName);
        api.call("DELETE", "/api/v1/councils/" + council + "/invitations/" + issued.get("id").asString(),
                official.token(), null, 204);
        var revoked = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get(issued.get("acceptPath").asString())).andReturn().getResponse();
        assertThat(revoked.getContentAsString()).as("a revoked link reveals nothing about the council")
                .doesNotContain(councilName).doesNotContain("STARTUP").doesNotContain("スタートアップ");
    }

    private void commissionDueToday(Person analyst, String title) throws Exception {
        String entity = api.call("POST", "/api/v1/thinktank/entities", official.token(), Map.of(
                "organizationId", analyst.organizationId(), "analysisCapability", "分析", "hubCapability", "ハブ",
                "talentCapability", "育成", "confidentialityAgreedAt", "2026-04-01T00:00:00Z"), 201)
                .get("id").asString();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo"));
        api.call("POST", "/api/v1/thinktank/commissions", official.token(), Map.of("entityId", entity,
                "subject", "調査", "technologyIds", List.of(), "periodStart", today.minusDays(30).toString(),
                "periodEnd", today.plusDays(300).toString(),
                "deliverables", List.of(Map.of("title", title, "dueOn", today.toString()))), 201);
    }

    private String displayName(Person person) {
        return "試験 " + person.username();
    }

    private static List<String> kinds(JsonNode work) {
        List<String> kinds = new ArrayList<>();
        work.get("waiting").forEach(w -> kinds.add(w.get("kind").asString()));
        return kinds;
    }

    private static OutboxMail last(List<OutboxMail> mails) {
        assertThat(mails).isNotEmpty();
        return mails.get(mails.size() - 1);
    }
}
