package org.banso.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.banso.identity.IdentityManagement;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The response deadline of a proposal (R14): set when proposing, replaced or kept by an amendment, validated, carried
 * by the read models and by the events other modules remind from, shown with the time left.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@RecordApplicationEvents
class ProposalDeadlineTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    IdentityManagement identity;

    CouncilTestSupport api;
    Person official;
    Person pi;
    String council;

    @BeforeEach
    void council() throws Exception {
        api = new CouncilTestSupport(mvc, json);
        official = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        pi = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        council = api.establishedCouncil(official, pi);
        api.addParticipant(council, official, pi, "RESEARCHER");
        api.sign(council, official);
        api.sign(council, pi);
    }

    @Test
    void r14_theDeadlineIsSetWhenProposingAndTravelsWithTheEventAndTheSummary() throws Exception {
        // R14: #16 reminds from these events
        Instant deadline = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        JsonNode proposal = api.call("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                Map.of("matter", "PROMOTION", "title", "期限付きの議案", "body", "本文",
                        "responseDeadline", deadline.toString()), 201);
        String id = proposal.get("id").asString();
        assertThat(Instant.parse(proposal.get("responseDeadline").asString())).isEqualTo(deadline);
        assertThat(events.stream(CouncilEvents.ProposalSubmitted.class)
                .filter(e -> e.proposal().value().toString().equals(id)))
                .singleElement().extracting(CouncilEvents.ProposalSubmitted::responseDeadline).isEqualTo(deadline);
        JsonNode summary = api.call("GET", "/api/v1/councils/" + council + "/proposals", pi.token(), null, 200)
                .get(0);
        assertThat(Instant.parse(summary.get("responseDeadline").asString())).isEqualTo(deadline);
        assertThat(Instant.parse(proposal.get("revisions").get(0).get("responseDeadline").asString()))
                .isEqualTo(deadline);
    }

    @Test
    void r14_anAmendmentReplacesOrKeepsTheDeadlineAndAPastOneIsRefusedChangingNothing() throws Exception {
        // R14
        Instant first = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        String id = api.call("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                Map.of("matter", "PROMOTION", "title", "議案", "body", "本文", "responseDeadline", first.toString()),
                201).get("id").asString();

        JsonNode kept = api.call("POST", "/api/v1/proposals/" + id + "/amend", official.token(),
                Map.of("title", "議案（修正）", "body", "本文2"), 200);
        assertThat(Instant.parse(kept.get("responseDeadline").asString())).as("omitted: kept").isEqualTo(first);

        Instant later = first.plus(Duration.ofDays(7));
        JsonNode moved = api.call("POST", "/api/v1/proposals/" + id + "/amend", official.token(),
                Map.of("title", "議案（再修正）", "body", "本文3", "responseDeadline", later.toString()), 200);
        assertThat(Instant.parse(moved.get("responseDeadline").asString())).isEqualTo(later);
        assertThat(moved.get("revisions")).extracting(r -> Instant.parse(r.get("responseDeadline").asString()))
                .as("each revision keeps the deadline it asked for").containsExactly(first, first, later);
        assertThat(events.stream(CouncilEvents.ProposalAmended.class)
                .filter(e -> e.proposal().value().toString().equals(id))
                .map(CouncilEvents.ProposalAmended::responseDeadline)).containsExactly(first, later);

        JsonNode refused = api.problem("POST", "/api/v1/proposals/" + id + "/amend", official.token(),
                Map.of("title", "議案（過去）", "body", "本文4",
                        "responseDeadline", clock.instant().minusSeconds(1).toString()), 400, "validation-failed");
        assertThat(refused.get("errors").toString()).contains("responseDeadline");
        JsonNode after = api.call("GET", "/api/v1/proposals/" + id, pi.token(), null, 200);
        assertThat(after.get("revision").asInt()).as("nothing changed").isEqualTo(3);
        assertThat(Instant.parse(after.get("responseDeadline").asString())).isEqualTo(later);
    }

    @Test
    void r14_theProposalPageShowsTheDeadlineWithTheTimeLeftAndThenThatItPassed() throws Exception {
        // R14
        Instant deadline = clock.instant().plus(Duration.ofDays(2)).plus(Duration.ofHours(3));
        String id = api.call("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                Map.of("matter", "PROMOTION", "title", "議案", "body", "本文", "responseDeadline",
                        deadline.toString()), 201).get("id").asString();
        assertThat(page("/proposals/" + id + "?lang=ja", pi)).contains("あと2日3時間");
        assertThat(page("/proposals/" + id + "?lang=en", pi)).contains("2 days 3 hours left");
        clock.advance(Duration.ofDays(3));
        String lapsed = page("/proposals/" + id + "?lang=ja", pi);
        assertThat(lapsed).contains("期限を過ぎました", "期限切れ");
    }

    private String page(String path, Person person) throws Exception {
        var principal = identity.user(new UserId(UUID.fromString(person.id()))).orElseThrow().asPrincipal();
        var authentication = new UsernamePasswordAuthenticationToken(principal, null, principal.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        var result = mvc.perform(get(path).locale(Locale.JAPANESE)
                .with(SecurityMockMvcRequestPostProcessors.authentication(authentication))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }
}
