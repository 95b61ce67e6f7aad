package org.banso.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.council.CouncilEvents.ProposalAdopted;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Councils through the REST API: every rule R5–R14 by name, with the failure paths and their codes. */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@RecordApplicationEvents
class CouncilApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Councils councils;

    @Autowired
    CouncilMemberships memberships;

    @Autowired
    org.banso.identity.IdentityManagement identity;

    CouncilTestSupport api;
    Person official;
    Person pi;
    Person startup;
    Person outsider;

    @BeforeEach
    void people() throws Exception {
        api = new CouncilTestSupport(mvc, json);
        official = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        pi = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        startup = api.person(api.organization("STARTUP"), "RESEARCHER");
        outsider = api.person(api.organization("COMPANY"), "RESEARCHER");
    }

    /** Moves the test clock and signs everyone in again: API tokens do not outlive the jump. */
    private void advance(Duration duration) throws Exception {
        clock.advance(duration);
        official = api.refreshed(official);
        pi = api.refreshed(pi);
        startup = api.refreshed(startup);
        outsider = api.refreshed(outsider);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Tokyo"));
    }

    // ------------------------------------------------------------------ R5 establishment

    @Test
    void r5_onlyAnOfficialOfTheCompetentMinistryProposesACouncil() throws Exception {
        // R5
        Map<String, Object> body = Map.of("name", "量子協議会", "competentMinistryId", official.organizationId(),
                "projectIds", List.of(), "requiredConsenterIds", List.of(pi.id()));
        api.problem("POST", "/api/v1/councils", pi.token(), body, 403, "forbidden");
        Person otherMinistry = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        api.problem("POST", "/api/v1/councils", otherMinistry.token(), body, 403, "forbidden");
        api.problem("POST", "/api/v1/councils", official.token(), Map.of("name", "x", "competentMinistryId",
                official.organizationId(), "requiredConsenterIds", List.of()), 400, "validation-failed");

        JsonNode council = api.call("POST", "/api/v1/councils", official.token(), body, 201);
        assertThat(council.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(council.get("competentMinistryId").asString()).isEqualTo(official.organizationId());
        JsonNode competent = council.get("participants").get(0);
        assertThat(competent.get("role").asString()).as("the competent ministry takes part from the start")
                .isEqualTo("COMPETENT_MINISTRY");
        assertThat(competent.get("representativeId").asString()).isEqualTo(official.id());
    }

    @Test
    void r5_councilIsEstablishedOnlyWhenEveryRequiredResearcherConsented() throws Exception {
        // R5
        Person coPi = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        String council = api.proposeCouncil(official, pi, coPi);
        api.problem("POST", "/api/v1/councils/" + council + "/establish", official.token(), null, 409,
                "consent-missing");

        Instant at = clock.instant();
        api.call("POST", "/api/v1/councils/" + council + "/consents", pi.token(), Map.of("decision", "CONSENT"), 200);
        api.problem("POST", "/api/v1/councils/" + council + "/establish", official.token(), null, 409,
                "consent-missing");
        api.call("POST", "/api/v1/councils/" + council + "/consents", coPi.token(), Map.of("decision", "CONSENT"),
                200);
        JsonNode established = api.call("POST", "/api/v1/councils/" + council + "/establish", official.token(),
                null, 200);
        assertThat(established.get("status").asString()).isEqualTo("ESTABLISHED");

        JsonNode consents = established.get("consents");
        assertThat(consents).hasSize(2);
        assertThat(consents.get(0).get("userId").asString()).as("who").isEqualTo(pi.id());
        assertThat(consents.get(0).get("decision").asString()).isEqualTo("CONSENT");
        assertThat(Instant.parse(consents.get(0).get("at").asString())).as("when")
                .isBetween(at.minusSeconds(1), at.plusSeconds(5));
        assertThat(events.stream(CouncilEvents.CouncilEstablished.class)).hasSize(1);
    }

    @Test
    void r5_aDeclineBlocksEstablishmentAndEveryAnswerIsKept() throws Exception {
        // R5
        String council = api.proposeCouncil(official, pi);
        api.call("POST", "/api/v1/councils/" + council + "/consents", pi.token(), Map.of("decision", "DECLINE"), 200);
        api.problem("POST", "/api/v1/councils/" + council + "/establish", official.token(), null, 409,
                "consent-declined");
        clock.advance(Duration.ofMinutes(1));
        api.call("POST", "/api/v1/councils/" + council + "/consents", pi.token(), Map.of("decision", "CONSENT"), 200);
        JsonNode view = api.call("POST", "/api/v1/councils/" + council + "/establish", official.token(), null, 200);
        assertThat(view.get("consents")).extracting(c -> c.get("decision").asString())
                .as("the decline stays on record").containsExactly("DECLINE", "CONSENT");
    }

    @Test
    void r5_onlyARequiredConsenterRecordsConsentAndOnlyTheirOwn() throws Exception {
        // R5
        String council = api.proposeCouncil(official, pi);
        api.problem("POST", "/api/v1/councils/" + council + "/consents", official.token(),
                Map.of("decision", "CONSENT"), 403, "forbidden");
        api.problem("POST", "/api/v1/councils/" + council + "/consents", outsider.token(),
                Map.of("decision", "CONSENT"), 404, "not-found");
        api.problem("POST", "/api/v1/councils/" + council + "/consents", pi.token(),
                Map.of("decision", "MAYBE"), 400, "validation-failed");
        api.problem("POST", "/api/v1/councils/" + council + "/establish", pi.token(), null, 403,
                "not-a-participant");
    }

    @Test
    void r5_outsidersAndAdministratorsDoNotLearnThatACouncilExists() throws Exception {
        // R5, R12: 404, never 403, for anyone outside; ADMIN gets no bypass
        String council = api.proposeCouncil(official, pi);
        api.problem("GET", "/api/v1/councils/" + council, outsider.token(), null, 404, "not-found");
        api.problem("GET", "/api/v1/councils/" + council, api.admin(), null, 404, "not-found");
        api.problem("GET", "/api/v1/councils/" + UUID.randomUUID(), official.token(), null, 404, "not-found");
        assertThat(api.call("GET", "/api/v1/councils", outsider.token(), null, 200).toString())
                .doesNotContain(council);
        // the required consenter and a colleague of the competent ministry see it
        api.call("GET", "/api/v1/councils/" + council, pi.token(), null, 200);
        Person colleague = api.person(official.organizationId(), "MINISTRY_OFFICIAL");
        api.call("GET", "/api/v1/councils/" + council, colleague.token(), null, 200);
        assertThat(api.call("GET", "/api/v1/councils", pi.token(), null, 200).toString()).contains(council);
    }

    // ------------------------------------------------------------------ R6 broad membership

    @Test
    void r6_aCouncilIncludesSeveralMinistriesTheAgencyCompaniesAndTheThinkTank() throws Exception {
        // R6
        String council = api.establishedCouncil(official, pi);
        Person needs = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        Person related = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        Person agency = api.person(api.organization("FUNDING_AGENCY"), "FUNDING_OFFICER");
        Person thinkTank = api.person(api.organization("THINK_TANK"), "ANALYST");
        api.addParticipant(council, official, needs, "NEEDS_MINISTRY");
        api.addParticipant(council, official, related, "RELATED_MINISTRY");
        api.addParticipant(council, official, agency, "FUNDING_AGENCY");
        api.addParticipant(council, official, outsider, "COMPANY");
        api.addParticipant(council, official, thinkTank, "THINK_TANK");
        Person colleague = api.person(thinkTank.organizationId(), "ANALYST");

        JsonNode view = api.call("GET", "/api/v1/councils/" + council, needs.token(), null, 200);
        assertThat(view.get("participants")).extracting(p -> p.get("role").asString()).containsExactlyInAnyOrder(
                "COMPETENT_MINISTRY", "NEEDS_MINISTRY", "RELATED_MINISTRY", "FUNDING_AGENCY", "COMPANY",
                "THINK_TANK");

        api.problem("POST", "/api/v1/councils/" + council + "/participants", official.token(),
                Map.of("organizationId", thinkTank.organizationId(), "role", "THINK_TANK",
                        "representativeId", colleague.id()), 400, "validation-failed");
        api.problem("POST", "/api/v1/councils/" + council + "/participants", official.token(),
                Map.of("organizationId", startup.organizationId(), "role", "NEEDS_MINISTRY",
                        "representativeId", startup.id()), 400, "validation-failed");
        api.problem("POST", "/api/v1/councils/" + council + "/participants", official.token(),
                Map.of("organizationId", startup.organizationId(), "role", "STARTUP",
                        "representativeId", pi.id()), 400, "validation-failed");
        api.problem("POST", "/api/v1/councils/" + council + "/participants", needs.token(),
                Map.of("organizationId", startup.organizationId(), "role", "STARTUP",
                        "representativeId", startup.id()), 403, "forbidden");
    }

    // ------------------------------------------------------------------ R7 K Program

    @Test
    void r7_theFundingModuleCreatesTheCouncilOfAProjectWithItsPrincipalInvestigator() throws Exception {
        // R7
        UUID project = UUID.randomUUID();
        var actor = identity.user(new UserId(UUID.fromString(official.id()))).orElseThrow().asPrincipal();
        CouncilId council = councils.createForProject(new Councils.ProjectCouncil(project,
                "K Program 課題の協議会", actor.organizationId(), new UserId(UUID.fromString(pi.id())), null,
                "Controlled: 試料"), actor);
        assertThat(councils.councilOfProject(project)).get().satisfies(c -> {
            assertThat(c.id()).isEqualTo(council);
            assertThat(c.status()).isEqualTo(CouncilStatus.PROPOSED);
        });
        JsonNode view = api.call("GET", "/api/v1/councils/" + council, pi.token(), null, 200);
        assertThat(view.get("projectIds").get(0).asString()).isEqualTo(project.toString());
        assertThat(view.get("requiredConsenterIds").get(0).asString()).isEqualTo(pi.id());
        assertThat(view.get("informationManagementDraft").asString()).isEqualTo("Controlled: 試料");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> councils.createForProject(
                new Councils.ProjectCouncil(project, "二つ目", actor.organizationId(),
                        new UserId(UUID.fromString(pi.id())), null, null), actor)))
                .as("a project has exactly one council").hasMessageContaining("not valid");
    }

    @Test
    void r7_aFundingOfficerCreatesAProjectCouncilOnlyWithAFitRepresentativeOfTheCompetentMinistry() throws Exception {
        // R7: the council module's own checks, behind the funding module's
        OrganizationId ministry = new OrganizationId(UUID.fromString(official.organizationId()));
        UserId piId = new UserId(UUID.fromString(pi.id()));
        var officer = principal(api.person(api.organization("FUNDING_AGENCY"), "FUNDING_OFFICER"));
        Person programOfficer = api.person(official.organizationId(), "PROGRAM_OFFICER");
        Person elsewhere = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        for (UserId unfit : java.util.Arrays.asList(null, new UserId(UUID.fromString(programOfficer.id())),
                new UserId(UUID.fromString(elsewhere.id())), new UserId(UUID.randomUUID()))) {
            UUID project = UUID.randomUUID();
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> councils.createForProject(
                    new Councils.ProjectCouncil(project, "課題の協議会", ministry, piId, unfit, null), officer));
            assertThat(refused).isInstanceOf(org.banso.shared.BansoException.class);
            var problem = (org.banso.shared.BansoException) refused;
            assertThat(problem.code()).isEqualTo(org.banso.shared.ProblemCode.VALIDATION_FAILED);
            assertThat(problem.errors()).extracting(org.banso.shared.BansoException.FieldError::field)
                    .contains("competentMinistryRepresentativeId");
            assertThat(councils.councilOfProject(project)).as("nothing written for %s", unfit).isEmpty();
        }
        // neither a funding officer nor an official of the competent ministry
        var researcher = principal(outsider);
        UUID project = UUID.randomUUID();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> councils.createForProject(
                new Councils.ProjectCouncil(project, "課題の協議会", ministry, piId,
                        new UserId(UUID.fromString(official.id())), null), researcher)))
                .isInstanceOf(org.banso.shared.BansoException.class).hasMessageContaining("funding officer");
        // the representative named by the funding officer represents the ministry; the officer is who acted
        CouncilId council = councils.createForProject(new Councils.ProjectCouncil(project,
                "課題の協議会", ministry, piId, new UserId(UUID.fromString(official.id())), null), officer);
        JsonNode view = api.call("GET", "/api/v1/councils/" + council, official.token(), null, 200);
        assertThat(view.get("participants").get(0).get("representativeId").asString()).isEqualTo(official.id());
        assertThat(view.get("informationManagementDraft").isNull()).isTrue();
    }

    private org.banso.identity.BansoUser principal(Person person) {
        return identity.user(new UserId(UUID.fromString(person.id()))).orElseThrow().asPrincipal();
    }

    @Test
    void r7_aCouncilWithoutVetoIsDissolvedAndThenRefusesNewWork() throws Exception {
        // R7 (the veto itself: CouncilExtensionPointsTest)
        String council = api.establishedCouncil(official, pi);
        api.problem("POST", "/api/v1/councils/" + council + "/dissolve", pi.token(), null, 403, "not-a-participant");
        JsonNode view = api.call("POST", "/api/v1/councils/" + council + "/dissolve", official.token(), null, 200);
        assertThat(view.get("status").asString()).isEqualTo("DISSOLVED");
        api.problem("POST", "/api/v1/councils/" + council + "/invitations", official.token(),
                Map.of("role", "STARTUP"), 409, "conflict");
    }

    // ------------------------------------------------------------------ R8 four matters

    @Test
    void r8_everyProposalAndAgendaItemIsOneOfTheFourMatters() throws Exception {
        // R8
        String council = api.establishedCouncil(official, pi);
        api.sign(council, official);
        api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                Map.of("matter", "GOSSIP", "title", "t", "body", "b"), 400, "validation-failed");
        api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                Map.of("title", "t", "body", "b"), 400, "validation-failed");
        for (String matter : List.of("INFORMATION_COLLECTION", "PROMOTION", "CONTENT_AND_RESULTS",
                "INFORMATION_MANAGEMENT")) {
            api.propose(council, official, matter);
        }
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("title", "第1回");
        meeting.put("startsAt", "2026-12-01T01:00:00Z");
        meeting.put("endsAt", "2026-12-01T03:00:00Z");
        meeting.put("place", "中央合同庁舎");
        meeting.put("agenda", List.of(Map.of("title", "議題")));
        api.problem("POST", "/api/v1/councils/" + council + "/meetings", official.token(), meeting, 400,
                "validation-failed");
        meeting.put("agenda", List.of(Map.of("matter", "PROMOTION", "title", "進め方")));
        api.call("POST", "/api/v1/councils/" + council + "/meetings", official.token(), meeting, 201);
    }

    @Test
    void r8_proposalsNeedAnEstablishedCouncil() throws Exception {
        // R8, R5
        String council = api.proposeCouncil(official, pi);
        api.sign(council, official);
        api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                Map.of("matter", "PROMOTION", "title", "t", "body", "b"), 409, "council-not-established");
    }

    // ------------------------------------------------------------------ R9 follow-up

    @Test
    void r9_anAdoptedDecisionAssignsActionItemsTrackedToDoneWithOverdueShown() throws Exception {
        // R9
        String council = api.establishedCouncil(official, pi);
        api.sign(council, official);
        String participant = api.addParticipant(council, official, startup, "STARTUP");
        api.sign(council, startup);
        String proposal = api.propose(council, official, "PROMOTION");
        Map<String, Object> task = new LinkedHashMap<>(Map.of("kind", "ACTION_ITEM", "proposalId", proposal,
                "assigneeParticipantId", participant, "title", "試作機の評価", "dueDate",
                today().plusDays(1).toString()));
        api.problem("POST", "/api/v1/councils/" + council + "/tasks", official.token(), task, 400,
                "validation-failed");
        api.respond(proposal, official, "CONSENT", 200);
        api.respond(proposal, startup, "CONSENT", 200);
        JsonNode created = api.call("POST", "/api/v1/councils/" + council + "/tasks", official.token(), task, 201);
        assertThat(created.get("overdue").asBoolean()).isFalse();

        advance(Duration.ofDays(3));
        JsonNode tasks = api.call("GET", "/api/v1/councils/" + council + "/tasks", startup.token(), null, 200);
        assertThat(tasks.get(0).get("overdue").asBoolean()).as("overdue after its due date").isTrue();
        api.problem("POST", "/api/v1/tasks/" + created.get("id").asString() + "/done", outsider.token(), null, 404,
                "not-found");
        api.problem("POST", "/api/v1/tasks/" + created.get("id").asString() + "/done", pi.token(), null, 403,
                "not-a-participant");
        JsonNode done = api.call("POST", "/api/v1/tasks/" + created.get("id").asString() + "/done",
                startup.token(), null, 200);
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("overdue").asBoolean()).isFalse();

        // support requests the seed names: regulatory relaxation, international standardization
        JsonNode support = api.call("POST", "/api/v1/councils/" + council + "/tasks", official.token(),
                Map.of("kind", "INTERNATIONAL_STANDARDIZATION", "responsibleMinistryId", official.organizationId(),
                        "title", "ISO 提案の支援", "dueDate", today().plusDays(30).toString()), 201);
        assertThat(support.get("responsibleMinistryId").asString()).isEqualTo(official.organizationId());
        api.problem("POST", "/api/v1/councils/" + council + "/tasks", official.token(),
                Map.of("kind", "REGULATORY_RELAXATION", "responsibleMinistryId", startup.organizationId(),
                        "title", "規制緩和の検討", "dueDate", today().toString()), 400, "validation-failed");
    }

    // ------------------------------------------------------------------ R11 material requests

    @Test
    void r11_theThinkTankFulfilsOrDeclinesAMaterialRequestWithADueDate() throws Exception {
        // R11
        String council = api.establishedCouncil(official, pi);
        api.sign(council, official);
        Person analyst = api.person(api.organization("THINK_TANK"), "ANALYST");
        String thinkTank = api.addParticipant(council, official, analyst, "THINK_TANK");
        api.sign(council, analyst);
        JsonNode request = api.call("POST", "/api/v1/councils/" + council + "/material-requests", official.token(),
                Map.of("addresseeParticipantId", thinkTank, "title", "海外動向の資料",
                        "dueDate", today().plusDays(7).toString()), 201);
        String id = request.get("id").asString();
        assertThat(request.get("status").asString()).isEqualTo("REQUESTED");
        api.problem("POST", "/api/v1/material-requests/" + id + "/fulfil", official.token(),
                Map.of("itemIds", List.of(UUID.randomUUID())), 403, "forbidden");
        api.problem("POST", "/api/v1/material-requests/" + id + "/fulfil", analyst.token(),
                Map.of("itemIds", List.of()), 400, "validation-failed");
        api.problem("POST", "/api/v1/material-requests/" + id + "/fulfil", analyst.token(),
                Map.of("itemIds", List.of(UUID.randomUUID())), 400, "validation-failed");
        String elsewhere = api.establishedCouncil(official, pi);
        api.sign(elsewhere, official);
        String foreign = api.uploadItem(elsewhere, official, "他の協議会の資料", "REPORT");
        api.problem("POST", "/api/v1/material-requests/" + id + "/fulfil", analyst.token(),
                Map.of("itemIds", List.of(foreign)), 400, "validation-failed");
        assertThat(api.call("GET", "/api/v1/councils/" + council + "/material-requests", official.token(), null, 200)
                .get(0).get("status").asString()).as("a refused answer changes nothing").isEqualTo("REQUESTED");
        String item = api.uploadItem(council, analyst, "海外動向の資料", "REPORT");
        JsonNode fulfilled = api.call("POST", "/api/v1/material-requests/" + id + "/fulfil", analyst.token(),
                Map.of("itemIds", List.of(item)), 200);
        assertThat(fulfilled.get("status").asString()).isEqualTo("FULFILLED");
        assertThat(fulfilled.get("itemIds").get(0).asString()).isEqualTo(item);
        api.problem("POST", "/api/v1/material-requests/" + id + "/decline", analyst.token(),
                Map.of("reason", "x"), 409, "conflict");

        JsonNode second = api.call("POST", "/api/v1/councils/" + council + "/material-requests", official.token(),
                Map.of("addresseeParticipantId", thinkTank, "title", "非公開資料",
                        "dueDate", today().minusDays(1).toString()), 201);
        assertThat(second.get("overdue").asBoolean()).isTrue();
        api.problem("POST", "/api/v1/material-requests/" + second.get("id").asString() + "/decline",
                analyst.token(), Map.of("reason", " "), 400, "validation-failed");
        JsonNode declined = api.call("POST", "/api/v1/material-requests/" + second.get("id").asString()
                + "/decline", analyst.token(), Map.of("reason", "契約上提供できない"), 200);
        assertThat(declined.get("declineReason").asString()).isEqualTo("契約上提供できない");
        assertThat(declined.get("overdue").asBoolean()).isFalse();
    }

    // ------------------------------------------------------------------ R12 pledge

    @Test
    void r12_nobodySeesNonPublicInformationBeforeSigningThePledge() throws Exception {
        // R12
        String council = api.establishedCouncil(official, pi);
        api.problem("GET", "/api/v1/councils/" + council + "/proposals", official.token(), null, 403,
                "pledge-required");
        api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                Map.of("matter", "PROMOTION", "title", "t", "body", "b"), 403, "pledge-required");
        api.problem("GET", "/api/v1/councils/" + council + "/meetings", official.token(), null, 403,
                "pledge-required");
        api.problem("GET", "/api/v1/councils/" + council + "/proposals", pi.token(), null, 403,
                "not-a-participant");
        api.problem("GET", "/api/v1/councils/" + council + "/proposals", outsider.token(), null, 404, "not-found");

        JsonNode pledge = api.call("GET", "/api/v1/councils/" + council + "/pledge", official.token(), null, 200);
        assertThat(pledge.get("textJa").asString()).contains("国家公務員", "1年以下の拘禁刑", "50万円以下の罰金");
        assertThat(pledge.get("textEn").asString()).contains("national public servant", "500,000 yen");
        assertThat(pledge.get("signed").asBoolean()).isFalse();
        api.problem("POST", "/api/v1/councils/" + council + "/pledges", official.token(), Map.of("accept", false),
                400, "validation-failed");

        api.sign(council, official);
        api.call("GET", "/api/v1/councils/" + council + "/proposals", official.token(), null, 200);
        JsonNode signatures = api.call("GET", "/api/v1/councils/" + council + "/pledges", official.token(), null, 200);
        JsonNode signature = signatures.get(0);
        assertThat(signature.get("userId").asString()).isEqualTo(official.id());
        assertThat(signature.get("version").asInt()).isEqualTo(1);
        assertThat(signature.get("textSha256").asString()).as("SHA-256 of the exact text signed").isEqualTo(
                HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(pledge.get("textJa").asString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(events.stream(CouncilEvents.PledgeSigned.class)).hasSize(1);
    }

    @Test
    void r12_aNewPledgeVersionRequiresSigningAgain() throws Exception {
        // R12
        String council = api.establishedCouncil(official, pi);
        api.addParticipant(council, official, startup, "STARTUP");
        api.sign(council, official);
        api.sign(council, startup);
        api.call("GET", "/api/v1/councils/" + council + "/proposals", startup.token(), null, 200);

        api.problem("POST", "/api/v1/councils/" + council + "/pledge-texts", startup.token(),
                Map.of("textJa", "新", "textEn", "new"), 403, "forbidden");
        JsonNode v2 = api.call("POST", "/api/v1/councils/" + council + "/pledge-texts", official.token(),
                Map.of("textJa", "第2版の誓約文。国家公務員と同等の守秘義務。", "textEn", "Version 2."), 201);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        api.problem("GET", "/api/v1/councils/" + council + "/proposals", startup.token(), null, 403,
                "pledge-required");
        api.sign(council, startup);
        api.call("GET", "/api/v1/councils/" + council + "/proposals", startup.token(), null, 200);
    }

    @Test
    void r12_revokingThePledgeOrLeavingEndsAccessAtOnceAndTheDutyContinues() throws Exception {
        // R12
        String council = api.establishedCouncil(official, pi);
        String startupParticipant = api.addParticipant(council, official, startup, "STARTUP");
        api.sign(council, official);
        api.sign(council, startup);
        CouncilId id = new CouncilId(UUID.fromString(council));
        UserId startupUser = new UserId(UUID.fromString(startup.id()));
        assertThat(memberships.membership(id, startupUser)).get()
                .satisfies(m -> assertThat(m.pledgeSigned()).isTrue());

        api.call("DELETE", "/api/v1/councils/" + council + "/pledges/mine", startup.token(), null, 204);
        assertThat(memberships.membership(id, startupUser)).as("the cache forgot at once").get()
                .satisfies(m -> assertThat(m.pledgeSigned()).isFalse());
        api.problem("GET", "/api/v1/councils/" + council + "/proposals", startup.token(), null, 403,
                "pledge-required");
        // signs again a minute later: the listing orders signatures by when they were signed, and the test's clock
        // stands still unless moved (on the same instant the two signatures' order was arbitrary)
        clock.advance(Duration.ofMinutes(1));
        api.sign(council, startup);
        api.call("GET", "/api/v1/councils/" + council + "/proposals", startup.token(), null, 200);

        api.call("DELETE", "/api/v1/councils/" + council + "/participants/" + startupParticipant, startup.token(),
                null, 200);
        assertThat(memberships.membership(id, startupUser)).as("no longer a member").isEmpty();
        api.problem("GET", "/api/v1/councils/" + council + "/proposals", startup.token(), null, 404, "not-found");
        JsonNode signatures = api.call("GET", "/api/v1/councils/" + council + "/pledges", official.token(), null, 200);
        assertThat(signatures).filteredOn(s -> s.get("userId").asString().equals(startup.id()))
                .extracting(s -> s.get("endedReason").asString() + "/" + s.get("dutyContinues").asBoolean())
                .containsExactly("REVOKED/true", "LEFT/true");
    }

    // ------------------------------------------------------------------ R13 invitations

    @Test
    void r13_aStartupJoinsByInvitationAndSignsOnlineWithoutAnAdministrator() throws Exception {
        // R13
        String council = api.establishedCouncil(official, pi);
        api.problem("POST", "/api/v1/councils/" + council + "/invitations", pi.token(), Map.of("role", "STARTUP"),
                403, "not-a-participant");
        JsonNode invitation = api.call("POST", "/api/v1/councils/" + council + "/invitations", official.token(),
                Map.of("role", "STARTUP"), 201);
        String token = invitation.get("token").asString();
        assertThat(invitation.get("acceptPath").asString()).isEqualTo("/invitations/" + token);

        api.problem("GET", "/api/v1/councils/" + council, startup.token(), null, 404, "not-found");
        JsonNode accepted = api.call("POST", "/api/v1/invitations/" + token + "/accept", startup.token(), null, 200);
        assertThat(accepted.get("councilId").asString()).isEqualTo(council);
        api.problem("GET", "/api/v1/councils/" + council + "/proposals", startup.token(), null, 403,
                "pledge-required");
        api.sign(council, startup);
        api.call("GET", "/api/v1/councils/" + council + "/proposals", startup.token(), null, 200);
        JsonNode view = api.call("GET", "/api/v1/councils/" + council, startup.token(), null, 200);
        assertThat(view.get("participants")).anySatisfy(p -> {
            assertThat(p.get("role").asString()).isEqualTo("STARTUP");
            assertThat(p.get("representativeId").asString()).isEqualTo(startup.id());
        });

        // single use; once used, the link answers exactly like one that never existed (R13)
        JsonNode used = api.problem("POST", "/api/v1/invitations/" + token + "/accept", outsider.token(), null, 404,
                "not-found");
        JsonNode unknown = api.problem("POST", "/api/v1/invitations/bnsi_nonsense/accept", outsider.token(), null,
                404, "not-found");
        assertThat(used.get("detail")).isEqualTo(unknown.get("detail"));
        // a colleague of the startup joins the same participant as a member
        Person colleague = api.person(startup.organizationId(), "RESEARCHER");
        String second = api.call("POST", "/api/v1/councils/" + council + "/invitations", official.token(),
                Map.of("role", "STARTUP"), 201).get("token").asString();
        api.call("POST", "/api/v1/invitations/" + second + "/accept", colleague.token(), null, 200);
        assertThat(api.participantOf(council, official, colleague))
                .isEqualTo(api.participantOf(council, official, startup));
    }

    @Test
    void r13_anInvitationExpiresAndCanBeRevoked() throws Exception {
        // R13
        String council = api.establishedCouncil(official, pi);
        String expiring = api.call("POST", "/api/v1/councils/" + council + "/invitations", official.token(),
                Map.of("role", "STARTUP"), 201).get("token").asString();
        JsonNode revoked = api.call("POST", "/api/v1/councils/" + council + "/invitations", official.token(),
                Map.of("role", "COMPANY"), 201);
        api.call("DELETE", "/api/v1/councils/" + council + "/invitations/" + revoked.get("id").asString(),
                official.token(), null, 204);
        api.problem("POST", "/api/v1/invitations/" + revoked.get("token").asString() + "/accept", outsider.token(),
                null, 409, "conflict");
        advance(Duration.ofDays(15));
        api.problem("POST", "/api/v1/invitations/" + expiring + "/accept", startup.token(), null, 409, "conflict");
        JsonNode list = api.call("GET", "/api/v1/councils/" + council + "/invitations", official.token(), null, 200);
        assertThat(list.toString()).doesNotContain(expiring).doesNotContain("tokenHash");
    }

    // ------------------------------------------------------------------ R14 consensus

    @Test
    void r14_oneObjectionBlocksAdoptionAndAnAmendmentAsksEveryoneAgain() throws Exception {
        // R14
        String council = api.establishedCouncil(official, pi);
        api.addParticipant(council, official, startup, "STARTUP");
        api.sign(council, official);
        api.sign(council, startup);
        String proposal = api.propose(council, official, "CONTENT_AND_RESULTS");

        api.respond(proposal, official, "CONSENT", 200);
        api.problem("POST", "/api/v1/proposals/" + proposal + "/responses", startup.token(),
                Map.of("response", "OBJECT"), 400, "validation-failed");
        JsonNode objected = api.respond(proposal, startup, "OBJECT", 200);
        assertThat(objected.get("status").asString()).as("an objection keeps it open").isEqualTo("OPEN");
        api.problem("POST", "/api/v1/proposals/" + proposal + "/responses", startup.token(),
                Map.of("response", "CONSENT"), 409, "already-responded");

        JsonNode amended = api.call("POST", "/api/v1/proposals/" + proposal + "/amend", official.token(),
                Map.of("title", "研究成果の取扱い（修正）", "body", "公開範囲を限定する。"), 200);
        assertThat(amended.get("revision").asInt()).isEqualTo(2);
        assertThat(amended.get("awaiting")).as("everyone is asked again").hasSize(2);
        JsonNode afterFirst = api.respond(proposal, startup, "CONSENT", 200);
        assertThat(afterFirst.get("status").asString()).isEqualTo("OPEN");
        JsonNode adopted = api.respond(proposal, official, "CONSENT", 200);
        assertThat(adopted.get("status").asString()).isEqualTo("ADOPTED");
        assertThat(adopted.get("revisions")).hasSize(2);
        assertThat(adopted.get("responses")).as("every response is recorded").hasSize(4);
        assertThat(events.stream(ProposalAdopted.class)).hasSize(1);
        api.problem("POST", "/api/v1/proposals/" + proposal + "/responses", pi.token(),
                Map.of("response", "CONSENT"), 403, "not-a-participant");
        api.problem("POST", "/api/v1/proposals/" + proposal + "/amend", official.token(),
                Map.of("title", "t", "body", "b"), 409, "proposal-closed");
    }

    @Test
    void r14_onlyTheRepresentativeAnswersForItsParticipant() throws Exception {
        // R14
        String council = api.establishedCouncil(official, pi);
        api.addParticipant(council, official, startup, "STARTUP");
        Person member = api.person(startup.organizationId(), "RESEARCHER");
        String token = api.call("POST", "/api/v1/councils/" + council + "/invitations", official.token(),
                Map.of("role", "STARTUP"), 201).get("token").asString();
        api.call("POST", "/api/v1/invitations/" + token + "/accept", member.token(), null, 200);
        api.sign(council, official);
        api.sign(council, member);
        String proposal = api.propose(council, official, "PROMOTION");
        api.problem("POST", "/api/v1/proposals/" + proposal + "/responses", member.token(),
                Map.of("response", "CONSENT"), 403, "forbidden");
        api.call("GET", "/api/v1/proposals/" + proposal, member.token(), null, 200);
        api.problem("GET", "/api/v1/proposals/" + proposal, outsider.token(), null, 404, "not-found");
    }

    @Test
    void r14_aParticipantWhoJoinsWhileOpenMustAnswerAndWhenOneLeavesTheRestAdopt() throws Exception {
        // R14
        String council = api.establishedCouncil(official, pi);
        api.sign(council, official);
        String proposal = api.propose(council, official, "INFORMATION_MANAGEMENT");
        String startupParticipant = api.addParticipant(council, official, startup, "STARTUP");
        api.sign(council, startup);
        JsonNode afterCompetent = api.respond(proposal, official, "CONSENT", 200);
        assertThat(afterCompetent.get("status").asString()).as("the newcomer has not answered").isEqualTo("OPEN");
        assertThat(afterCompetent.get("awaiting").get(0).asString()).isEqualTo(startupParticipant);

        api.call("DELETE", "/api/v1/councils/" + council + "/participants/" + startupParticipant, startup.token(),
                null, 200);
        JsonNode after = api.call("GET", "/api/v1/proposals/" + proposal, official.token(), null, 200);
        assertThat(after.get("status").asString()).as("the rest completed the adoption").isEqualTo("ADOPTED");
    }

    @Test
    void r14_silenceIsNeverConsentAndAProposalLapsesAtItsDeadline() throws Exception {
        // R14
        String council = api.establishedCouncil(official, pi);
        api.addParticipant(council, official, startup, "STARTUP");
        api.sign(council, official);
        api.sign(council, startup);
        JsonNode proposal = api.call("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                Map.of("matter", "PROMOTION", "title", "期限付き", "body", "本文",
                        "responseDeadline", clock.instant().plus(Duration.ofDays(2)).toString()), 201);
        String id = proposal.get("id").asString();
        api.respond(id, official, "CONSENT", 200);
        advance(Duration.ofDays(3));
        assertThat(api.proposalStatus(id, official)).isEqualTo("LAPSED");
        api.problem("POST", "/api/v1/proposals/" + id + "/responses", startup.token(),
                Map.of("response", "CONSENT"), 409, "proposal-closed");
    }

    @Test
    void r14_aWithdrawnProposalIsClosed() throws Exception {
        // R14
        String council = api.establishedCouncil(official, pi);
        api.addParticipant(council, official, startup, "STARTUP");
        api.sign(council, official);
        api.sign(council, startup);
        String proposal = api.propose(council, startup, "PROMOTION");
        api.problem("POST", "/api/v1/proposals/" + proposal + "/withdraw", outsider.token(), null, 404, "not-found");
        api.problem("POST", "/api/v1/proposals/" + proposal + "/withdraw", pi.token(), null, 403,
                "not-a-participant");
        JsonNode withdrawn = api.call("POST", "/api/v1/proposals/" + proposal + "/withdraw", startup.token(), null,
                200);
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        api.problem("POST", "/api/v1/proposals/" + proposal + "/responses", official.token(),
                Map.of("response", "CONSENT"), 409, "proposal-closed");
    }

    @Test
    void r15_anInvalidDesignationIsRefusedWhenProposedNotAtAdoption() throws Exception {
        // R14, R15: refused at proposal time, not at adoption (the information module checks it)
        String council = api.establishedCouncil(official, pi);
        api.sign(council, official);
        Map<String, Object> designation = Map.of("itemIds", List.of(UUID.randomUUID()), "periodStart",
                "2027-01-01T00:00:00Z", "periodEnd", "2028-01-01T00:00:00Z", "handling", "VIEW_ONLY",
                "afterPeriod", "PUBLIC");
        JsonNode problem = api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                Map.of("matter", "INFORMATION_MANAGEMENT", "title", "管理指定", "body", "本文",
                        "designation", designation), 400, "validation-failed");
        assertThat(problem.get("errors").toString()).contains("designation.itemIds", "designation.scopeParticipantIds",
                "designation.rationale.socialImplementation");
        api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                Map.of("matter", "PROMOTION", "title", "管理指定", "body", "本文", "designation", designation),
                400, "validation-failed");
        assertThat(api.call("GET", "/api/v1/councils/" + council + "/proposals", official.token(), null, 200))
                .as("nothing was stored").isEmpty();
    }

    // ------------------------------------------------------------------ pages

    @Test
    void r12_pagesHideTheCouncilFromOutsidersAndShowThePledgeBeforeAnythingNonPublic() throws Exception {
        // R12, R5: the pages ask the same service as the API
        String council = api.establishedCouncil(official, pi);
        api.addParticipant(council, official, startup, "STARTUP");
        api.sign(council, official);
        String proposal = api.propose(council, official, "PROMOTION");

        assertThat(page("/councils/" + council, outsider).getResponse().getStatus()).isEqualTo(404);
        MvcResult unsigned = page("/councils/" + council, startup);
        assertThat(unsigned.getResponse().getStatus()).isEqualTo(200);
        assertThat(unsigned.getResponse().getContentAsString()).contains("pledge-sign", "国家公務員")
                .doesNotContain("submit-proposal", "研究成果の取扱い");
        assertThat(page("/proposals/" + proposal, startup).getResponse().getStatus()).isEqualTo(403);
        assertThat(page("/proposals/" + proposal, outsider).getResponse().getStatus()).isEqualTo(404);
        MvcResult signed = page("/proposals/" + proposal, official);
        assertThat(signed.getResponse().getStatus()).isEqualTo(200);
        assertThat(signed.getResponse().getContentAsString()).contains("研究成果の取扱い", "answer-consent");
    }

    private MvcResult page(String path, Person person) throws Exception {
        var principal = identity.user(new UserId(UUID.fromString(person.id()))).orElseThrow().asPrincipal();
        var authentication = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                principal, null, principal.roles().stream()
                .map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority(r.authority()))
                .toList());
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .authentication(authentication))).andReturn();
    }

    @Test
    void r8_attendanceIsRecordedOnlyForPeopleOfTheCurrentParticipants() throws Exception {
        // R8, R12: attendance names the council's people only; any other id is refused and nothing changes
        String council = api.establishedCouncil(official, pi);
        api.sign(council, official);
        String startupParticipant = api.addParticipant(council, official, startup, "STARTUP");
        String meeting = api.call("POST", "/api/v1/councils/" + council + "/meetings", official.token(),
                Map.of("title", "第2回", "startsAt", "2026-12-01T01:00:00Z", "endsAt", "2026-12-01T03:00:00Z",
                        "place", "中央合同庁舎", "agenda", List.of()), 201).get("id").asString();
        api.call("PUT", "/api/v1/meetings/" + meeting + "/attendance", official.token(),
                Map.of("attendees", List.of(official.id(), startup.id())), 200);
        for (String stranger : List.of(outsider.id(), pi.id(), UUID.randomUUID().toString())) {
            JsonNode problem = api.problem("PUT", "/api/v1/meetings/" + meeting + "/attendance", official.token(),
                    Map.of("attendees", List.of(official.id(), stranger)), 400, "validation-failed");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("attendees");
        }
        // one who left is no longer one of the council's people
        api.call("DELETE", "/api/v1/councils/" + council + "/participants/" + startupParticipant, official.token(),
                null, 200);
        api.problem("PUT", "/api/v1/meetings/" + meeting + "/attendance", official.token(),
                Map.of("attendees", List.of(startup.id())), 400, "validation-failed");
        assertThat(api.call("GET", "/api/v1/meetings/" + meeting, official.token(), null, 200).get("attendees"))
                .extracting(JsonNode::asString).as("the refusals changed nothing")
                .containsExactlyInAnyOrder(official.id(), startup.id());
    }

    // ------------------------------------------------------------------ meetings

    @Test
    void meetingsCarryAnAgendaAttendanceMinutesAndAnICalendarExport() throws Exception {
        // R8
        String council = api.establishedCouncil(official, pi);
        api.sign(council, official);
        JsonNode meeting = api.call("POST", "/api/v1/councils/" + council + "/meetings", official.token(),
                Map.of("title", "第1回 協議会", "startsAt", "2026-12-01T01:00:00Z", "endsAt", "2026-12-01T03:00:00Z",
                        "link", "https://meet.example.jp/abc", "agenda",
                        List.of(Map.of("matter", "INFORMATION_COLLECTION", "title", "情報の収集"),
                                Map.of("matter", "INFORMATION_MANAGEMENT", "title", "情報の管理"))), 201);
        String id = meeting.get("id").asString();
        assertThat(meeting.get("agenda")).hasSize(2);
        MvcResult ics = api.perform("GET", "/api/v1/meetings/" + id + "/ical", official.token(), null);
        assertThat(ics.getResponse().getContentType()).startsWith("text/calendar");
        // RFC 5545 content lines may be folded anywhere: compare unfolded
        assertThat(ics.getResponse().getContentAsString().replace("\r\n ", "")).contains("BEGIN:VEVENT",
                "DTSTART:20261201T010000Z",
                "SUMMARY:第1回 協議会", "URL:https://meet.example.jp/abc");
        api.problem("PUT", "/api/v1/meetings/" + id + "/attendance", official.token(),
                Map.of("attendees", List.of(official.id()), "minutesItemId", UUID.randomUUID()), 400,
                "validation-failed");
        String minutes = api.uploadItem(council, official, "第1回 議事録", "MINUTES");
        JsonNode attended = api.call("PUT", "/api/v1/meetings/" + id + "/attendance", official.token(),
                Map.of("attendees", List.of(official.id()), "minutesItemId", minutes), 200);
        assertThat(attended.get("minutesItemId").asString()).isEqualTo(minutes);
        api.problem("GET", "/api/v1/meetings/" + id, outsider.token(), null, 404, "not-found");
    }
}
