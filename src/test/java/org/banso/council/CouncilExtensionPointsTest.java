package org.banso.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.banso.council.CouncilEvents.ProposalAdopted;
import org.banso.support.ApiScript.Person;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The extension points other modules implement (a dissolution veto for funding, designations for information), with
 * stand-ins; and the concurrency of the last consents. Its own application context, because of the stand-ins.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class CouncilExtensionPointsTest {

    /** A designation whose handling is BAD is invalid; FAIL makes applying it fail; others are recorded. */
    static final class FakeDesignations implements ProposalDesignations {
        final Map<ProposalId, Designation> applied = new ConcurrentHashMap<>();

        @Override
        public void validate(CouncilId council, Designation designation) {
            if ("BAD".equals(designation.handling())) {
                throw BansoException.invalid("designation.handling", "must be VIEW_ONLY or DOWNLOAD_TRACED");
            }
        }

        @Override
        public void apply(CouncilId council, ProposalId proposal, Designation designation, UserId adoptedBy) {
            if ("FAIL".equals(designation.handling())) {
                throw new IllegalStateException("the information module failed");
            }
            applied.put(proposal, designation);
        }
    }

    static final class AdoptionCounter {
        final List<ProposalAdopted> adopted = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ProposalAdopted event) {
            adopted.add(event);
        }
    }

    /** Stands in for the audit module: follows council events through the event publication registry. */
    static class AuditStandIn {
        private final List<CouncilEvents.CouncilEstablished> seen = new CopyOnWriteArrayList<>();

        @org.springframework.modulith.events.ApplicationModuleListener
        void on(CouncilEvents.CouncilEstablished event) {
            seen.add(event);
        }

        /** Through a method: the bean is a proxy (the listener is transactional and asynchronous). */
        List<CouncilEvents.CouncilEstablished> seen() {
            return seen;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class StandIns {

        @Bean
        AuditStandIn auditStandIn() {
            return new AuditStandIn();
        }

        static final Set<CouncilId> activeProjects = ConcurrentHashMap.newKeySet();

        @Bean
        @org.springframework.context.annotation.Primary
        FakeDesignations fakeDesignations() {
            return new FakeDesignations();
        }

        @Bean
        CouncilDissolutionVeto activeProjectVeto() {
            return activeProjects::contains;
        }

        @Bean
        AdoptionCounter adoptionCounter() {
            return new AdoptionCounter();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    FakeDesignations designations;

    @Autowired
    AdoptionCounter counter;

    CouncilTestSupport api;
    Person official;
    Person pi;

    @BeforeEach
    void people() throws Exception {
        api = new CouncilTestSupport(mvc, json);
        official = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        pi = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
    }

    @Autowired
    AuditStandIn audit;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void councilEventsReachOtherModulesThroughTheEventPublicationRegistry() throws Exception {
        // events: recorded with the business transaction, delivered after it, marked completed
        String council = api.establishedCouncil(official, pi);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(audit.seen()).anySatisfy(e -> assertThat(e.council().toString()).isEqualTo(council)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("""
                        select count(*) from event_publication
                        where event_type like '%CouncilEstablished' and serialized_event like ?
                          and listener_id like '%AuditStandIn%' and completion_date is not null""")
                        .param("%" + council + "%").query(Long.class).single())
                        .as("delivered once to this listener (other modules, such as search, have their own)")
                        .isEqualTo(1L));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("""
                        select count(*) from event_publication
                        where event_type like '%CouncilEstablished' and serialized_event like ?
                          and completion_date is null""").param("%" + council + "%").query(Long.class).single())
                        .as("every listener's publication completed").isZero());
        CouncilEvents.CouncilEstablished event = audit.seen().stream()
                .filter(e -> e.council().toString().equals(council)).findFirst().orElseThrow();
        assertThat(event.by().toString()).isEqualTo(official.id());
        assertThat(event.at()).isNotNull();
    }

    @Test
    void r7_aCouncilCannotBeDissolvedWhileAnotherModuleVetoesIt() throws Exception {
        // R7
        String council = api.establishedCouncil(official, pi);
        CouncilId id = new CouncilId(UUID.fromString(council));
        StandIns.activeProjects.add(id);
        api.problem("POST", "/api/v1/councils/" + council + "/dissolve", official.token(), null, 409,
                "council-has-active-project");
        assertThat(api.call("GET", "/api/v1/councils/" + council, official.token(), null, 200).get("status")
                .asString()).isEqualTo("ESTABLISHED");
        StandIns.activeProjects.remove(id);
        api.call("POST", "/api/v1/councils/" + council + "/dissolve", official.token(), null, 200);
    }

    @Test
    void r14_anInvalidDesignationIsRefusedWhenProposedAndAValidOneTakesEffectOnAdoption() throws Exception {
        // R14, R15
        String council = api.establishedCouncil(official, pi);
        api.sign(council, official);
        api.problem("POST", "/api/v1/councils/" + council + "/proposals", official.token(), proposal("BAD"), 400,
                "validation-failed");
        String proposal = api.call("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                proposal("VIEW_ONLY"), 201).get("id").asString();
        ProposalId id = new ProposalId(UUID.fromString(proposal));
        assertThat(designations.applied).doesNotContainKey(id);
        api.problem("POST", "/api/v1/proposals/" + proposal + "/amend", official.token(),
                Map.of("title", "t", "body", "b", "designation", designation("BAD")), 400, "validation-failed");
        JsonNode adopted = api.respond(proposal, official, "CONSENT", 200);
        assertThat(adopted.get("status").asString()).isEqualTo("ADOPTED");
        assertThat(designations.applied.get(id).handling()).isEqualTo("VIEW_ONLY");
    }

    @Test
    void r14_whenTheDesignationFailsTheAdoptionIsRolledBackWithIt() throws Exception {
        // R14: never an adopted proposal without its effect
        String council = api.establishedCouncil(official, pi);
        api.sign(council, official);
        String proposal = api.call("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                proposal("FAIL"), 201).get("id").asString();
        int before = counter.adopted.size();
        api.problem("POST", "/api/v1/proposals/" + proposal + "/responses", official.token(),
                Map.of("response", "CONSENT"), 500, "internal-error");
        JsonNode view = api.call("GET", "/api/v1/proposals/" + proposal, official.token(), null, 200);
        assertThat(view.get("status").asString()).isEqualTo("OPEN");
        assertThat(view.get("responses")).as("the consent was rolled back too").isEmpty();
        assertThat(counter.adopted).hasSize(before);
    }

    @Test
    void r14_simultaneousLastConsentsAdoptExactlyOnce() throws Exception {
        // R14: N representatives send the last consents at the same moment, over several rounds
        String council = api.establishedCouncil(official, pi);
        api.sign(council, official);
        List<Person> representatives = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Person rep = api.person(api.organization("COMPANY"), "RESEARCHER");
            api.addParticipant(council, official, rep, "COMPANY");
            api.sign(council, rep);
            representatives.add(rep);
        }
        ExecutorService pool = Executors.newFixedThreadPool(representatives.size());
        try {
            for (int round = 0; round < 10; round++) {
                String proposal = api.propose(council, official, "CONTENT_AND_RESULTS");
                api.respond(proposal, official, "CONSENT", 200);
                ProposalId id = new ProposalId(UUID.fromString(proposal));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (Person rep : representatives) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return api.perform("POST", "/api/v1/proposals/" + proposal + "/responses", rep.token(),
                                Map.of("response", "CONSENT")).getResponse().getStatus();
                    }));
                }
                start.countDown();
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get(30, TimeUnit.SECONDS)).as("round %d", round).isEqualTo(200);
                }
                assertThat(api.call("GET", "/api/v1/proposals/" + proposal, official.token(), null, 200)
                        .get("status").asString()).as("round %d", round).isEqualTo("ADOPTED");
                assertThat(counter.adopted.stream().filter(e -> e.proposal().equals(id)))
                        .as("ProposalAdopted events in round %d", round).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> proposal(String handling) {
        return Map.of("matter", "INFORMATION_MANAGEMENT", "title", "管理指定の提案", "body", "本文",
                "designation", designation(handling));
    }

    private static Map<String, Object> designation(String handling) {
        return Map.of("itemIds", List.of(UUID.randomUUID()), "scopeParticipantIds", List.of(),
                "periodStart", "2027-01-01T00:00:00Z", "periodEnd", "2028-01-01T00:00:00Z", "handling", handling,
                "afterPeriod", "PUBLIC", "rationale", Map.of("socialImplementation", "a", "leakagePrevention", "b",
                        "innovation", "c", "participationIncentive", "d"));
    }
}
