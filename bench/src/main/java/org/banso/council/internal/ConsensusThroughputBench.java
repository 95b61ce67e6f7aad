package org.banso.council.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.banso.council.CouncilEvents.ProposalAdopted;
import org.banso.council.ProposalId;
import org.banso.council.ProposalResponse;
import org.banso.council.Proposals;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sustained answers per second through {@code Proposals.respond} on the real PostgreSQL, with exactly-once adoption:
 * 1,000 councils × 30 participants are seeded with SQL, one open proposal per council, and {@code bench.threads} (16) threads
 * send every representative's consent in a shuffled order (so that several threads hit one proposal at once). Each
 * proposal must end ADOPTED with exactly one {@code ProposalAdopted} event. Target: ≥ 2,000 answers/s.
 * <p>
 * Not a JMH benchmark (it needs the whole application) and not part of the test suite (its name does not match
 * Surefire's patterns). Run: {@code ./mvnw -q -B test -Dtest=ConsensusThroughputBench
 * -Dsurefire.failIfNoSpecifiedTests=false}; the figures are printed to the test's output file.
 */
@BansoIntegrationTest(properties = "spring.datasource.hikari.maximum-pool-size=${bench.pool:10}")
class ConsensusThroughputBench {

    static final int COUNCILS = 1_000;
    static final int PARTICIPANTS = 30;
    static final int THREADS = Integer.getInteger("bench.threads", 16);

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        AdoptionCounter benchAdoptionCounter() {
            return new AdoptionCounter();
        }
    }

    static final class AdoptionCounter {
        final Map<ProposalId, AtomicInteger> adopted = new ConcurrentHashMap<>();

        @EventListener
        void on(ProposalAdopted event) {
            adopted.computeIfAbsent(event.proposal(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Autowired
    Proposals councils;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdoptionCounter counter;

    @Test
    void answersPerSecondWithExactlyOnceAdoption() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        seed(run);
        // warm-up: 100 councils' proposals, not measured
        round(run, 0, 100, "warm-up");
        double perSecond = round(run, 100, COUNCILS, "measured");
        assertThat(perSecond).as("answers per second").isPositive();
    }

    private double round(String run, int from, int to, String label) throws Exception {
        List<ProposalId> proposals = new ArrayList<>();
        for (int c = from; c < to; c++) {
            proposals.add(openProposal(run, c));
        }
        record Answer(ProposalId proposal, BansoUser representative) {
        }
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            for (int p = 0; p < PARTICIPANTS; p++) {
                answers.add(new Answer(proposals.get(i), person(run, p)));
            }
        }
        // shuffle within windows of a few proposals: threads collide on the same proposal, as people would
        Random random = new Random(42);
        for (int start = 0; start < answers.size(); start += PARTICIPANTS * 4) {
            Collections.shuffle(answers.subList(start, Math.min(answers.size(), start + PARTICIPANTS * 4)), random);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < answers.size(); i = next.getAndIncrement()) {
                    Answer a = answers.get(i);
                    councils.respond(a.proposal(), ProposalResponse.CONSENT, null, a.representative());
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsed = System.nanoTime() - started;
        pool.shutdown();
        double perSecond = answers.size() / (elapsed / 1e9);
        long adopted = jdbc.sql("select count(*) from council_proposal where status = 'ADOPTED' and id in (:ids)")
                .param("ids", proposals.stream().map(ProposalId::value).toList()).query(Long.class).single();
        assertThat(adopted).as("adopted proposals").isEqualTo(proposals.size());
        for (ProposalId proposal : proposals) {
            assertThat(counter.adopted.get(proposal)).as("ProposalAdopted events for %s", proposal).hasValue(1);
        }
        System.out.printf("%s: %d answers to %d proposals by %d threads in %.2f s = %.0f answers/s; "
                        + "%d adopted, each exactly once%n", label, answers.size(), proposals.size(), THREADS,
                elapsed / 1e9, perSecond, adopted);
        return perSecond;
    }

    private BansoUser person(String run, int p) {
        return new BansoUser(new UserId(uuid("u" + run + p)), "bench" + p, "bench " + p,
                new OrganizationId(uuid("o" + run + p)), Set.of(Role.RESEARCHER));
    }

    private ProposalId openProposal(String run, int c) {
        UUID proposal = UUID.randomUUID();
        jdbc.sql("""
                insert into council_proposal (id, council_id, matter, status, revision, proposed_by, proposed_at)
                values (?, md5(?)::uuid, 'PROMOTION', 'OPEN', 1, md5(?)::uuid, now())""")
                .params(proposal, "c" + run + c, "u" + run + "0").update();
        jdbc.sql("""
                insert into council_proposal_revision (proposal_id, revision, title, body, created_by, created_at)
                values (?, 1, 'bench', 'bench', md5(?)::uuid, now())""").params(proposal, "u" + run + "0").update();
        return new ProposalId(proposal);
    }

    private UUID uuid(String text) {
        return jdbc.sql("select md5(?)::uuid").param(text).query(UUID.class).single();
    }

    /** 1,000 established councils × 30 participants, one signed member each (the representative). */
    private void seed(String run) {
        jdbc.sql("""
                insert into council_council (id, name, competent_ministry_id, status, pledge_version, proposed_by,
                                             proposed_at, established_at)
                select md5('c' || :run || c)::uuid, 'bench ' || :run || ' ' || c, md5('ministry' || :run)::uuid,
                       'ESTABLISHED', 1, md5('u' || :run || '0')::uuid, now(), now()
                from generate_series(0, 999) c""").param("run", run).update();
        jdbc.sql("""
                insert into council_pledge_text (council_id, version, text_ja, text_en, created_by, created_at)
                select c.id, 1, t.text_ja, t.text_en, c.proposed_by, now()
                from council_council c, council_pledge_template t where c.name like 'bench ' || :run || ' %'""")
                .param("run", run).update();
        jdbc.sql("""
                insert into council_participant (id, council_id, organization_id, role, representative_id,
                                                 joined_at, joined_by)
                select gen_random_uuid(), md5('c' || :run || c)::uuid, md5('o' || :run || p)::uuid,
                       case when p = 0 then 'COMPETENT_MINISTRY' else 'COMPANY' end, md5('u' || :run || p)::uuid,
                       now(), md5('u' || :run || '0')::uuid
                from generate_series(0, 999) c, generate_series(0, 29) p""").param("run", run).update();
        jdbc.sql("""
                insert into council_participant_member (participant_id, user_id, added_at)
                select p.id, p.representative_id, now() from council_participant p
                join council_council c on c.id = p.council_id where c.name like 'bench ' || :run || ' %'""")
                .param("run", run).update();
        jdbc.sql("""
                insert into council_pledge_signature (id, council_id, user_id, version, language, text_sha256,
                                                      signed_at)
                select gen_random_uuid(), p.council_id, p.representative_id, 1, 'ja', sha256('x'::bytea), now()
                from council_participant p join council_council c on c.id = p.council_id
                where c.name like 'bench ' || :run || ' %'""").param("run", run).update();
    }
}
