package org.banso.council.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.identity.UserId;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The membership-and-pledge query ({@code CouncilMemberships.membership}) that every access decision asks, with
 * 1,000 councils × 30 participants (one member each, all signed) in a real PostgreSQL 17 (embedded): the cached
 * lookup of a random (council, person) pair, and the lookup right after its council was invalidated (one query that
 * reloads the council's 30 memberships). Sample-time mode reports percentiles; the target is p99 ≤ 5 µs cached.
 * <p>
 * The setup checks correctness after invalidation: a member removed in the database is still answered from the
 * cache until the council is invalidated, and is gone right after.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class MembershipQueryBenchmark {

    static final int COUNCILS = 1_000;
    static final int PARTICIPANTS = 30;

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private MembershipCache cache;
    private CouncilId[] councils;
    private UserId[][] members;

    @Setup(Level.Trial)
    public void seed() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        // pooled, as in the application: otherwise every reload would pay for a new connection
        pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setMaximumPoolSize(4);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration/council", "classpath:db/migration/shared").load().migrate();
        JdbcClient jdbc = JdbcClient.create(pool);
        // 1,000 councils; participant p of council c is represented by person p (one member each), all signed
        jdbc.sql("""
                insert into council_council (id, name, competent_ministry_id, status, pledge_version, proposed_by,
                                             proposed_at, established_at)
                select md5('c' || c)::uuid, 'council ' || c, md5('ministry')::uuid, 'ESTABLISHED', 1,
                       md5('u0')::uuid, now(), now()
                from generate_series(1, 1000) c""").update();
        jdbc.sql("""
                insert into council_pledge_text (council_id, version, text_ja, text_en, created_by, created_at)
                select id, 1, text_ja, text_en, proposed_by, now() from council_council, council_pledge_template""")
                .update();
        jdbc.sql("""
                insert into council_participant (id, council_id, organization_id, role, representative_id,
                                                 joined_at, joined_by)
                select md5('p' || c || '-' || p)::uuid, md5('c' || c)::uuid, md5('o' || p)::uuid,
                       case when p = 0 then 'COMPETENT_MINISTRY' else 'COMPANY' end, md5('u' || p)::uuid, now(),
                       md5('u0')::uuid
                from generate_series(1, 1000) c, generate_series(0, 29) p""").update();
        jdbc.sql("""
                insert into council_participant_member (participant_id, user_id, added_at)
                select id, representative_id, now() from council_participant""").update();
        jdbc.sql("""
                insert into council_pledge_signature (id, council_id, user_id, version, language, text_sha256,
                                                      signed_at)
                select gen_random_uuid(), council_id, representative_id, 1, 'ja', sha256('x'::bytea), now()
                from council_participant""").update();
        jdbc.sql("analyze").update();
        cache = new MembershipCache(jdbc, new CouncilProperties(Duration.ofDays(7), 5, 20_000, Duration.ofMinutes(10),
                Duration.ofDays(90)),
                org.banso.shared.internal.BenchClusterCaches.start(pool));
        councils = new CouncilId[COUNCILS];
        members = new UserId[COUNCILS][PARTICIPANTS];
        for (int c = 0; c < COUNCILS; c++) {
            councils[c] = new CouncilId(md5Uuid(jdbc, "c" + (c + 1)));
        }
        for (int p = 0; p < PARTICIPANTS; p++) {
            UserId user = new UserId(md5Uuid(jdbc, "u" + p));
            for (int c = 0; c < COUNCILS; c++) {
                members[c][p] = user;
            }
        }
        List<Optional<CouncilMembership>> all = new ArrayList<>();
        for (int c = 0; c < COUNCILS; c++) {
            for (int p = 0; p < PARTICIPANTS; p++) {
                all.add(cache.membership(councils[c], members[c][p]));
            }
        }
        if (all.stream().anyMatch(m -> m.isEmpty() || !m.get().pledgeSigned())) {
            throw new IllegalStateException("the seed is not what the benchmark assumes");
        }
        checkInvalidation(jdbc);
    }

    /** A removal is seen right after invalidation, and not before (the cache really serves the answers). */
    private void checkInvalidation(JdbcClient jdbc) {
        CouncilId council = councils[0];
        UserId member = members[0][5];
        jdbc.sql("update council_participant set left_at = now(), left_by = representative_id "
                + "where council_id = ? and representative_id = ?").params(council.value(), member.value()).update();
        if (cache.membership(council, member).isEmpty()) {
            throw new IllegalStateException("the lookup did not come from the cache");
        }
        cache.invalidate(council);
        if (cache.membership(council, member).isPresent()) {
            throw new IllegalStateException("stale membership after invalidation");
        }
        jdbc.sql("update council_participant set left_at = null, left_by = null "
                + "where council_id = ? and representative_id = ?").params(council.value(), member.value()).update();
        cache.invalidate(council);
        if (cache.membership(council, member).isEmpty()) {
            throw new IllegalStateException("membership not restored");
        }
    }

    private static UUID md5Uuid(JdbcClient jdbc, String text) {
        return jdbc.sql("select md5(?)::uuid").param(text).query(UUID.class).single();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        pool.close();
        postgres.close();
    }

    @Benchmark
    public Optional<CouncilMembership> cachedLookup() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int c = random.nextInt(COUNCILS);
        return cache.membership(councils[c], members[c][random.nextInt(PARTICIPANTS)]);
    }

    @Benchmark
    public Optional<CouncilMembership> lookupAfterInvalidation() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int c = random.nextInt(COUNCILS);
        cache.invalidate(councils[c]);
        return cache.membership(councils[c], members[c][random.nextInt(PARTICIPANTS)]);
    }
}
