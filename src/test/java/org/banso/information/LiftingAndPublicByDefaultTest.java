package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.identity.IdentityManagement;
import org.banso.information.internal.ReleaseJobAccess;
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

/**
 * R16 through the real API: restrictions stay minimal — a designation ended early or narrowed by a proposal every
 * participant adopts, released at adoption with a notice and an audit entry — and research results are public by
 * default: a project's research result that no designation covers is public when its review window ends (the
 * council's window, set by an adopted INFORMATION_MANAGEMENT proposal, else 60 days), computed from the clock with no
 * job having run, unless a proposal that would designate it is open then; search agrees with the marking.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@RecordApplicationEvents
class LiftingAndPublicByDefaultTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    MutableClock clock;
    @Autowired
    ReleaseJobAccess jobs;
    @Autowired
    ApplicationEvents events;
    @Autowired
    InformationEventsRecorder recorder;

    InformationTestSupport api;
    Person official;
    Person startup;
    Person company;
    Person outsider;
    String council;
    String project;
    String ministryParticipant;
    String startupParticipant;
    String companyParticipant;

    /** A project's council: the ministry, the startup (the required consenter) and a company, all pledged. */
    @BeforeEach
    void world() throws Exception {
        // whole milliseconds: the database keeps instants to the microsecond, the test clock may carry nanoseconds
        clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusMillis(1));
        api = new InformationTestSupport(mvc, json, identity);
        official = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        startup = api.person(api.organization("STARTUP"), "RESEARCHER");
        company = api.person(api.organization("COMPANY"), "RESEARCHER");
        outsider = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        project = UUID.randomUUID().toString();
        council = api.establishedCouncil(official, startup, List.of(project));
        startupParticipant = api.addParticipant(council, official, startup, "STARTUP");
        companyParticipant = api.addParticipant(council, official, company, "COMPANY");
        ministryParticipant = api.participantOf(council, official, official);
        api.sign(council, official);
        api.sign(council, startup);
        api.sign(council, company);
    }

    /** Moves the clock; tokens do not outlive a long jump, so everyone signs in again. */
    private void moveTo(Instant instant) throws Exception {
        clock.set(instant);
        official = api.refreshed(official);
        startup = api.refreshed(startup);
        company = api.refreshed(company);
        outsider = api.refreshed(outsider);
    }

    private String result(String title) throws Exception {
        MvcResult r = api.uploadRequest(council, startup, title, "RESEARCH_RESULT", project, "成果: " + title);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return json.readTree(r.getResponse().getContentAsString()).get("id").asString();
    }

    private String marking(String item, Person person) throws Exception {
        MvcResult r = api.perform("GET", "/api/v1/items/" + item, person == null ? null : person.token(), null);
        return r.getResponse().getStatus() == 200
                ? json.readTree(r.getResponse().getContentAsString()).get("marking").asString()
                : String.valueOf(r.getResponse().getStatus());
    }

    private String propose(Map<String, Object> body, Person proposer) throws Exception {
        return api.call("POST", "/api/v1/councils/" + council + "/proposals", proposer.token(), body, 201)
                .get("id").asString();
    }

    private Map<String, Object> proposal(String matter, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("matter", matter);
        body.put("title", "管理に関する提案");
        body.put("body", "本文");
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    private JsonNode everyoneConsents(String proposal) throws Exception {
        JsonNode last = null;
        for (Person rep : List.of(official, startup, company)) {
            last = api.call("POST", "/api/v1/proposals/" + proposal + "/responses", rep.token(),
                    Map.of("response", "CONSENT"), 200);
        }
        return last;
    }

    private JsonNode designationView(String id) throws Exception {
        return api.call("GET", "/api/v1/designations/" + id, official.token(), null, 200);
    }

    // ------------------------------------------------------------------ ending early (R16)

    @Test
    void r16_aDesignationEndedEarlyByConsensusReleasesItsItemsAtAdoptionWithANoticeAndAnAuditEntry()
            throws Exception {
        // R16: lifted at adoption; R14: by every current participant
        String item = api.upload(council, startup, "試作データ", "SAMPLING_DATA", "測定値");
        Instant now = clock.instant();
        String designation = api.adopt(council, official, InformationTestSupport.designation(List.of(item), null,
                List.of(ministryParticipant, startupParticipant), now, now.plus(Duration.ofDays(365)), "VIEW_ONLY",
                "COUNCIL"), official, startup, company);
        assertThat(marking(item, startup)).isEqualTo("CONTROLLED");
        assertThat(marking(item, company)).as("out of scope: as unknown").isEqualTo("404");

        String lift = propose(proposal("INFORMATION_MANAGEMENT", "liftsDesignationId", designation), startup);
        api.call("POST", "/api/v1/proposals/" + lift + "/responses", official.token(), Map.of("response", "CONSENT"),
                200);
        api.call("POST", "/api/v1/proposals/" + lift + "/responses", startup.token(), Map.of("response", "CONSENT"),
                200);
        assertThat(marking(item, company)).as("one participant has not consented: nothing changed").isEqualTo("404");
        clock.advance(Duration.ofMinutes(5));
        Instant adoption = clock.instant();
        JsonNode adopted = api.call("POST", "/api/v1/proposals/" + lift + "/responses", company.token(),
                Map.of("response", "CONSENT"), 200);
        assertThat(adopted.get("status").asString()).isEqualTo("ADOPTED");

        assertThat(marking(item, company)).as("released at adoption, to the council").isEqualTo("COUNCIL");
        assertThat(marking(item, outsider)).isEqualTo("404");
        JsonNode view = designationView(designation);
        assertThat(view.get("state").asString()).isEqualTo("RELEASED");
        assertThat(Instant.parse(view.get("periodEnd").asString())).isEqualTo(adoption);
        assertThat(Instant.parse(view.get("statedPeriodEnd").asString())).isAfter(adoption.plus(Duration.ofDays(300)));
        assertThat(view.get("liftedByProposal").asString()).isEqualTo(lift);
        JsonNode notices = api.call("GET", "/api/v1/notices", company.token(), null, 200);
        assertThat(notices.toString()).contains("DESIGNATION_LIFTED", designation, item);
        assertThat(events.stream(InformationEvents.DesignationLifted.class)
                .filter(e -> e.designation().toString().equals(designation)))
                .singleElement().satisfies(e -> {
                    assertThat(e.items()).extracting(Object::toString).containsExactly(item);
                    assertThat(e.releasedTo()).isEqualTo(Marking.COUNCIL);
                    assertThat(e.at()).isEqualTo(adoption);
                });
        jobs.run();
        assertThat(Instant.parse(designationView(designation).get("releaseRecordedAt").asString()))
                .as("the release is recorded once, at adoption, not again by the job").isEqualTo(adoption);
        assertThat(recorder.events).as("not announced as an end of period")
                .noneMatch(e -> e instanceof InformationEvents.DesignationReleased r
                        && r.designation().toString().equals(designation));

        // a designation already ended cannot be ended again; nor one of no council of ours, nor by matter (2)
        JsonNode again = api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                proposal("INFORMATION_MANAGEMENT", "liftsDesignationId", designation), 400, "validation-failed");
        assertThat(again.get("errors").toString()).contains("liftsDesignationId");
        api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                proposal("INFORMATION_MANAGEMENT", "liftsDesignationId", UUID.randomUUID()), 400,
                "validation-failed");
        api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                proposal("PROMOTION", "liftsDesignationId", designation), 400, "validation-failed");
    }

    @Test
    void r16_anObjectionKeepsTheDesignationInForce() throws Exception {
        // R14, R16: one objection blocks the early end as any decision
        String item = api.upload(council, startup, "評価結果", "OTHER", "結果");
        Instant now = clock.instant();
        String designation = api.adopt(council, official, InformationTestSupport.designation(List.of(item), null,
                List.of(ministryParticipant), now, now.plus(Duration.ofDays(30)), "VIEW_ONLY", "PUBLIC"),
                official, startup, company);
        String lift = propose(proposal("CONTENT_AND_RESULTS", "liftsDesignationId", designation), official);
        api.call("POST", "/api/v1/proposals/" + lift + "/responses", startup.token(), Map.of("response", "CONSENT"),
                200);
        api.call("POST", "/api/v1/proposals/" + lift + "/responses", company.token(),
                Map.of("response", "OBJECT", "reason", "特許出願前"), 200);
        api.call("POST", "/api/v1/proposals/" + lift + "/responses", official.token(), Map.of("response", "CONSENT"),
                200);
        assertThat(marking(item, startup)).as("not in scope, still controlled").isEqualTo("404");
        assertThat(marking(item, official)).isEqualTo("CONTROLLED");
        assertThat(designationView(designation).get("liftedByProposal").isNull()).isTrue();
    }

    // ------------------------------------------------------------------ narrowing (R16)

    @Test
    void r16_aNarrowingKeepsOnlyWhatItStillCoversAndReleasesTheRestWithoutAGap() throws Exception {
        // R16: 制約的要素は必要最小限度
        String kept = api.upload(council, startup, "製造条件", "SAMPLING_DATA", "条件");
        String released = api.upload(council, startup, "測定結果", "SAMPLING_DATA", "結果");
        Instant now = clock.instant();
        Instant end = now.plus(Duration.ofDays(200));
        String designation = api.adopt(council, official, InformationTestSupport.designation(List.of(kept, released),
                null, List.of(ministryParticipant), now, end, "VIEW_ONLY", "COUNCIL"), official, startup, company);
        assertThat(marking(released, official)).isEqualTo("CONTROLLED");
        assertThat(marking(released, startup)).isEqualTo("404");

        Map<String, Object> narrower = InformationTestSupport.designation(List.of(kept), null,
                List.of(ministryParticipant, startupParticipant), null, end.minus(Duration.ofDays(100)),
                "DOWNLOAD_TRACED", "PUBLIC");
        String narrowing = propose(proposal("INFORMATION_MANAGEMENT", "liftsDesignationId", designation,
                "designation", narrower), official);
        clock.advance(Duration.ofMinutes(1));
        everyoneConsents(narrowing);

        assertThat(marking(released, company)).as("left out by the narrowing: released to the council")
                .isEqualTo("COUNCIL");
        assertThat(marking(kept, startup)).as("the wider scope now includes the startup").isEqualTo("CONTROLLED");
        assertThat(marking(kept, company)).as("still controlled, still out of scope").isEqualTo("404");
        JsonNode lifted = designationView(designation);
        String replacement = lifted.get("replacedBy").asString();
        JsonNode narrowed = designationView(replacement);
        assertThat(narrowed.get("handling").asString()).isEqualTo("DOWNLOAD_TRACED");
        assertThat(Instant.parse(narrowed.get("periodStart").asString()))
                .as("in force from the adoption: no gap").isEqualTo(Instant.parse(lifted.get("periodEnd").asString()));
        assertThat(api.call("GET", "/api/v1/notices", company.token(), null, 200).toString())
                .contains(released).doesNotContain(kept);
    }

    @Test
    void r16_aNarrowingThatWouldRestrictMoreIsRefusedOnEachFieldAndChangesNothing() throws Exception {
        // R16: a narrowing may only restrict less
        String item = api.upload(council, startup, "図面", "SAMPLING_DATA", "図面");
        String other = api.upload(council, startup, "別の図面", "SAMPLING_DATA", "図面2");
        Instant now = clock.instant();
        Instant end = now.plus(Duration.ofDays(100));
        String designation = api.adopt(council, official, InformationTestSupport.designation(List.of(item), null,
                List.of(ministryParticipant, startupParticipant), now, end, "DOWNLOAD_TRACED", "PUBLIC"),
                official, startup, company);
        Map<String, Object> wider = InformationTestSupport.designation(List.of(item, other), null,
                List.of(ministryParticipant), null, end.plus(Duration.ofDays(1)), "VIEW_ONLY", "COUNCIL");
        JsonNode refused = api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                proposal("INFORMATION_MANAGEMENT", "liftsDesignationId", designation, "designation", wider), 400,
                "validation-failed");
        assertThat(refused.get("errors").toString()).contains("designation.itemIds",
                "designation.scopeParticipantIds", "designation.periodEnd", "designation.handling",
                "designation.afterPeriod", "designation-not-narrower");
        assertThat(api.call("GET", "/api/v1/councils/" + council + "/proposals", official.token(), null, 200))
                .as("nothing stored").hasSize(1);
    }

    // ------------------------------------------------------------------ public by default (R16)

    @Test
    void r16_aResearchResultIsPublicWhenItsReviewWindowEndsWithNoJobHavingRun() throws Exception {
        // R16: 研究成果は公開を基本 — from the clock, to the millisecond
        Instant uploaded = clock.instant();
        String item = result("センサ論文草稿");
        String other = api.upload(council, startup, "議事メモ", "MINUTES", "メモ");
        String noProject = api.upload(council, startup, "プロジェクト外の成果", "RESEARCH_RESULT", "成果");
        JsonNode view = api.call("GET", "/api/v1/items/" + item, startup.token(), null, 200);
        Instant windowEnds = Instant.parse(view.get("reviewWindowEndsAt").asString());
        assertThat(windowEnds).isEqualTo(uploaded.plus(Duration.ofDays(60)));
        assertThat(Instant.parse(view.get("publicByDefaultAt").asString())).isEqualTo(windowEnds);

        moveTo(windowEnds.minusMillis(1));
        assertThat(marking(item, null)).isEqualTo("404");
        assertThat(marking(item, company)).isEqualTo("COUNCIL");
        moveTo(windowEnds);
        assertThat(marking(item, null)).as("public at the instant, no job has run").isEqualTo("PUBLIC");
        assertThat(marking(item, outsider)).isEqualTo("PUBLIC");
        assertThat(api.call("GET", "/api/v1/public/results", null, null, 200).toString()).contains(item);
        assertThat(marking(other, null)).as("not a research result").isEqualTo("404");
        assertThat(marking(noProject, null)).as("not a project's research result").isEqualTo("404");

        // the job (this run or the scheduled one) records it once: a notice and an audit entry
        jobs.runPublications();
        assertThat(jobs.runPublications()).isZero();
        assertThat(recorder.events.stream().filter(InformationEvents.ResultPublishedByDefault.class::isInstance)
                .map(InformationEvents.ResultPublishedByDefault.class::cast)
                .filter(e -> e.item().toString().equals(item))).singleElement()
                .satisfies(e -> assertThat(e.publicAt()).isEqualTo(windowEnds));
        JsonNode notices = api.call("GET", "/api/v1/notices", company.token(), null, 200);
        assertThat(java.util.stream.StreamSupport.stream(notices.spliterator(), false)
                .filter(n -> n.get("kind").asString().equals("RESULT_PUBLISHED")
                        && n.get("items").toString().contains(item))).hasSize(1);

        // once public, it cannot be designated
        JsonNode refused = api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                proposal("INFORMATION_MANAGEMENT", "designation", InformationTestSupport.designation(List.of(item),
                        null, List.of(ministryParticipant), clock.instant(), clock.instant().plus(Duration.ofDays(9)),
                        "VIEW_ONLY", "PUBLIC")), 400, "validation-failed");
        assertThat(refused.get("errors").toString()).contains("designation-already-public");
    }

    @Test
    void r16_anOpenProposalToDesignateItHoldsThePublicationUntilItsOutcome() throws Exception {
        // R16: unless a proposal to designate it is open then — it waits for the outcome
        String withdrawnFor = result("成果A");
        String adoptedFor = result("成果B");
        String lapsedFor = result("成果C");
        Instant windowEnds = Instant.parse(api.call("GET", "/api/v1/items/" + withdrawnFor, startup.token(), null,
                200).get("reviewWindowEndsAt").asString());
        Instant now = clock.instant();
        Map<String, Object> designationA = InformationTestSupport.designation(List.of(withdrawnFor), null,
                List.of(ministryParticipant, startupParticipant), now, now.plus(Duration.ofDays(400)), "VIEW_ONLY",
                "PUBLIC");
        String a = propose(proposal("CONTENT_AND_RESULTS", "designation", designationA), official);
        String b = propose(proposal("CONTENT_AND_RESULTS", "designation", InformationTestSupport.designation(
                List.of(adoptedFor), null, List.of(ministryParticipant, startupParticipant), now,
                now.plus(Duration.ofDays(400)), "VIEW_ONLY", "PUBLIC")), official);
        Instant deadline = windowEnds.plus(Duration.ofDays(3));
        propose(proposal("CONTENT_AND_RESULTS", "responseDeadline", deadline.toString(), "designation",
                InformationTestSupport.designation(List.of(lapsedFor), null, List.of(ministryParticipant), now,
                        now.plus(Duration.ofDays(400)), "VIEW_ONLY", "PUBLIC")), official);

        moveTo(windowEnds.plus(Duration.ofDays(1)));
        for (String item : List.of(withdrawnFor, adoptedFor, lapsedFor)) {
            assertThat(marking(item, null)).as("held past its window").isEqualTo("404");
        }
        JsonNode held = api.call("GET", "/api/v1/items/" + withdrawnFor, startup.token(), null, 200);
        assertThat(held.get("publicationHeld").asBoolean()).isTrue();
        assertThat(held.get("publicByDefaultAt").isNull()).as("not known while the proposal is open").isTrue();
        api.problem("POST", "/api/v1/items/" + withdrawnFor + "/publish", startup.token(), null, 409, "conflict");

        Instant withdrawal = clock.instant();
        api.call("POST", "/api/v1/proposals/" + a + "/withdraw", official.token(), null, 200);
        assertThat(marking(withdrawnFor, null)).as("public when the proposal closed").isEqualTo("PUBLIC");
        assertThat(Instant.parse(api.call("GET", "/api/v1/items/" + withdrawnFor, null, null, 200)
                .get("publicByDefaultAt").asString())).isEqualTo(withdrawal);

        everyoneConsents(b);
        assertThat(marking(adoptedFor, startup)).as("adopted: the designation governs it").isEqualTo("CONTROLLED");
        assertThat(marking(adoptedFor, null)).isEqualTo("404");

        moveTo(deadline.minusMillis(1));
        assertThat(marking(lapsedFor, null)).isEqualTo("404");
        moveTo(deadline);
        assertThat(marking(lapsedFor, null)).as("public when the proposal lapsed at its deadline").isEqualTo("PUBLIC");
    }

    @Test
    void r16_theCouncilSetsItsReviewWindowByAnAdoptedInformationManagementProposal() throws Exception {
        // R16: the window is set by the council; refused out of range or with another matter
        api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                proposal("INFORMATION_MANAGEMENT", "reviewWindowDays", 0), 400, "validation-failed");
        api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                proposal("INFORMATION_MANAGEMENT", "reviewWindowDays", 366), 400, "validation-failed");
        api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                proposal("CONTENT_AND_RESULTS", "reviewWindowDays", 30), 400, "validation-failed");
        String before = result("窓の変更前の成果");
        everyoneConsents(propose(proposal("INFORMATION_MANAGEMENT", "reviewWindowDays", 30), official));
        assertThat(events.stream(InformationEvents.ReviewWindowSet.class)
                .filter(e -> e.council().toString().equals(council))).singleElement()
                .satisfies(e -> assertThat(e.days()).isEqualTo(30));
        Instant uploaded = clock.instant();
        String after = result("窓の変更後の成果");
        assertThat(Instant.parse(api.call("GET", "/api/v1/items/" + after, startup.token(), null, 200)
                .get("reviewWindowEndsAt").asString())).isEqualTo(uploaded.plus(Duration.ofDays(30)));
        moveTo(uploaded.plus(Duration.ofDays(30)));
        assertThat(marking(after, null)).isEqualTo("PUBLIC");
        assertThat(marking(before, null)).as("an item keeps the window it was stored under").isEqualTo("404");
    }

    @Test
    void r16_theProviderMayPublishEarlierAndNothingIsRecordedTwice() throws Exception {
        // R16
        String item = result("早期公開する成果");
        api.call("POST", "/api/v1/items/" + item + "/publish", startup.token(), null, 200);
        assertThat(marking(item, null)).isEqualTo("PUBLIC");
        moveTo(clock.instant().plus(Duration.ofDays(61)));
        jobs.runPublications();
        assertThat(recorder.events.stream().filter(InformationEvents.ResultPublishedByDefault.class::isInstance)
                .map(InformationEvents.ResultPublishedByDefault.class::cast)
                .filter(e -> e.item().toString().equals(item))).as("published by a person, not by default").isEmpty();
    }

    @Test
    void r16_searchFindsAResearchResultPublicByDefaultExactlyWhenItIsPublic() throws Exception {
        // R16, R17: the search path agrees with the marking
        String word = "polariton" + Long.toString(System.nanoTime(), 36);
        String item = result("成果 " + word);
        Instant windowEnds = clock.instant().plus(Duration.ofDays(60));
        assertThat(api.call("GET", "/api/v1/search?q=" + word, null, null, 200).get("total").asInt()).isZero();
        moveTo(windowEnds.minusMillis(1));
        assertThat(api.call("GET", "/api/v1/search?q=" + word, null, null, 200).get("total").asInt()).isZero();
        assertThat(api.call("GET", "/api/v1/search?q=" + word, company.token(), null, 200).get("total").asInt())
                .isEqualTo(1);
        moveTo(windowEnds);
        JsonNode found = api.call("GET", "/api/v1/search?q=" + word, null, null, 200);
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("hits").get(0).get("id").asString()).isEqualTo(item);
        assertThat(api.call("GET", "/api/v1/search?q=" + word + "&marking=PUBLIC", outsider.token(), null, 200)
                .get("total").asInt()).isEqualTo(1);
    }
}
