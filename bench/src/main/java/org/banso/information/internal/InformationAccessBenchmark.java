package org.banso.information.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.council.CouncilStatus;
import org.banso.council.CouncilViews;
import org.banso.council.Councils;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.identity.BansoUser;
import org.banso.identity.UserId;
import org.banso.information.AccessDecision;
import org.banso.information.InformationAction;
import org.banso.information.InformationItems.ItemSummary;
import org.banso.information.InformationSearchSupport;
import org.banso.information.ItemId;
import org.banso.information.internal.tracing.TracedCopies;
import org.banso.shared.ClusterCaches;
import org.banso.shared.internal.BenchClusterCaches;
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
 * The access policy and the council listing (issue 4 targets: decision p99 ≤ 20 µs in-process warmed; one listing page
 * p95 ≤ 20 ms when the person may see 10,000 items) on a generated world in an embedded PostgreSQL 17: 1,000,000
 * items (10,000 of them in council 0, ~990 in each other council), 1,000 councils of 10 participants, 10,000 people
 * (one membership each, all pledged), 50,000 designations (a third in force, a third ended, a third to come; 3 of 10
 * participants in scope; 10 items each). Generated with {@code generate_series} in about a minute.
 *
 * <ul>
 *   <li>{@code decide}: {@link AccessPolicy#decide} for a random person and a random item of a hot set of 50,000 items
 *       (warmed into the item cache), METADATA or DOWNLOAD; the event publisher is a no-op;</li>
 *   <li>{@code decidePure}: the pure rules only ({@link PolicyRules}) on preloaded facts;</li>
 *   <li>{@code listCouncilZero}: {@link ItemService#items} first page (200 rows) for person 0 of council 0.</li>
 * </ul>
 * The council memberships are an in-memory stand-in (the real one is a Caffeine cache measured by
 * {@code MembershipQueryBenchmark}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class InformationAccessBenchmark {

    static final int COUNCILS = 1_000;
    static final int PEOPLE = 10_000;
    static final int HOT_ITEMS = 50_000;

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private AccessPolicy policy;
    private ItemService items;
    private SearchSupport search;
    private FactsStore facts;
    private CouncilId[] councils;
    private BansoUser[] people;
    private ItemId[] hot;
    private AccessFacts.ItemFacts[] hotFacts;
    private List<AccessFacts.DesignationFacts>[] hotDesignations;
    private Instant now;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void seed() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setMaximumPoolSize(4);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration/information", "classpath:db/migration/shared").load().migrate();
        JdbcClient jdbc = JdbcClient.create(pool);
        now = Instant.now();
        long started = System.nanoTime();
        jdbc.sql("""
                insert into information_content (id, kek_id, wrapped_key, iv, sha256, size, media_type, created_at)
                select md5('content' || i)::uuid, 'k1', '\\x00'::bytea, '\\x000000000000000000000000'::bytea,
                       repeat('a', 64), 1, 'text/plain', now()
                from generate_series(1, 1000000) i""").update();
        jdbc.sql("""
                insert into information_item (id, council_id, title, category, project_id, provider_participant_id,
                    latest_version, created_by, created_at, updated_at, published_at, published_by)
                select md5('i' || i)::uuid, md5('c' || c)::uuid, 'item ' || i,
                       (array['REPORT','SAMPLING_DATA','RESEARCH_RESULT','MINUTES'])[1 + i % 4], null,
                       md5('p' || c || '-' || (i % 10))::uuid, 1, md5('u0')::uuid,
                       now() - make_interval(secs => i), now() - make_interval(secs => i),
                       case when i % 50 = 0 then now() end, case when i % 50 = 0 then md5('u0')::uuid end
                from (select i, case when i <= 10000 then 0 else ((i - 10001) % 999) + 1 end as c
                      from generate_series(1, 1000000) i) s""").update();
        jdbc.sql("""
                insert into information_item_version (item_id, version, content_id, filename, media_type, size, sha256,
                                                      uploaded_by, uploaded_at)
                select md5('i' || i)::uuid, 1, md5('content' || i)::uuid, 'f.txt', 'text/plain', 1, repeat('a', 64),
                       md5('u0')::uuid, now()
                from generate_series(1, 1000000) i""").update();
        // designation d: council d % 1000, batch b = d / 1000 (0..49); in force / ended / to come by b % 3
        jdbc.sql("""
                insert into information_designation (id, council_id, proposal_id, handling, after_period,
                    period_start, period_end, rationale_social_implementation, rationale_leakage_prevention,
                    rationale_innovation, rationale_participation_incentive, adopted_by, applied_at)
                select md5('d' || d)::uuid, md5('c' || (d % 1000))::uuid, md5('proposal' || d)::uuid,
                       case when d % 2 = 0 then 'VIEW_ONLY' else 'DOWNLOAD_TRACED' end,
                       case when d % 3 = 0 then 'COUNCIL' else 'PUBLIC' end,
                       case (d / 1000) % 3 when 0 then now() - interval '30 days' when 1 then now() - interval '400 days'
                            else now() + interval '30 days' end,
                       case (d / 1000) % 3 when 0 then now() + interval '300 days' when 1 then now() - interval '35 days'
                            else now() + interval '400 days' end,
                       'r', 'r', 'r', 'r', md5('u0')::uuid, now()
                from generate_series(0, 49999) d""").update();
        jdbc.sql("""
                insert into information_designation_scope (designation_id, participant_id)
                select md5('d' || d)::uuid, md5('p' || (d % 1000) || '-' || (((d / 1000) + k) % 10))::uuid
                from generate_series(0, 49999) d, generate_series(0, 2) k""").update();
        jdbc.sql("""
                insert into information_designation_item (designation_id, item_id)
                select md5('d' || d)::uuid,
                       md5('i' || case when d % 1000 = 0 then (d / 1000) * 10 + m + 1
                                       else 10001 + (d % 1000 - 1) + 999 * ((d / 1000) * 10 + m) end)::uuid
                from generate_series(0, 49999) d, generate_series(0, 9) m""").update();
        jdbc.sql("analyze").update();
        System.out.printf("%nseeded in %d s: %d items, %d designations, %d covered rows%n",
                (System.nanoTime() - started) / 1_000_000_000L,
                jdbc.sql("select count(*) from information_item").query(Long.class).single(),
                jdbc.sql("select count(*) from information_designation").query(Long.class).single(),
                jdbc.sql("select count(*) from information_designation_item").query(Long.class).single());

        councils = new CouncilId[COUNCILS];
        for (int c = 0; c < COUNCILS; c++) {
            councils[c] = new CouncilId(md5Uuid(jdbc, "c" + c));
        }
        // person u: member of council u % 1000, participant u / 1000, pledged
        people = new BansoUser[PEOPLE];
        ParticipantId[][] participants = new ParticipantId[COUNCILS][10];
        for (int c = 0; c < COUNCILS; c++) {
            for (int k = 0; k < 10; k++) {
                participants[c][k] = new ParticipantId(md5Uuid(jdbc, "p" + c + "-" + k));
            }
        }
        for (int u = 0; u < PEOPLE; u++) {
            people[u] = new BansoUser(new UserId(new UUID(0, u)), "u" + u, "person " + u, null, java.util.Set.of());
        }
        CouncilMemberships memberships = new CouncilMemberships() {
            @Override
            public Optional<CouncilMembership> membership(CouncilId council, UserId user) {
                int u = (int) user.value().getLeastSignificantBits();
                int c = u % 1000;
                if (!councils[c].equals(council)) {
                    return Optional.empty();
                }
                int k = u / 1000;
                return Optional.of(new CouncilMembership(council, participants[c][k],
                        k == 0 ? ParticipantRole.COMPETENT_MINISTRY : ParticipantRole.COMPANY, true, true));
            }

            @Override
            public java.util.Set<ParticipantId> currentParticipants(CouncilId council) {
                throw new UnsupportedOperationException("not used by the access policy");
            }
        };
        TracedCopies tracing = new TracedCopies() {
            @Override
            public boolean traceable(String mediaType) {
                return mediaType.startsWith("text/");
            }

            @Override
            public TracedCopy issue(ItemId item, CouncilId council, int version, String mediaType, byte[] plaintext,
                                    Recipient recipient, Instant at) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<TraceResult> trace(byte[] leaked) {
                return Optional.empty();
            }
        };
        InformationProperties properties = new InformationProperties(Period.ofYears(5), Duration.ofSeconds(20),
                100_000, 200, Duration.ofDays(60), Duration.ofDays(365));
        ClusterCaches caches = BenchClusterCaches.start(pool);
        facts = new FactsStore(jdbc, properties, caches);
        // the benchmark's people have just passed their second factor: step-up never refuses here
        policy = new AccessPolicy(facts, memberships, tracing, (person, at) -> true, event -> { });
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        ItemQueries listings = new ItemQueries(jdbc, clock, policy, facts, null, properties);
        items = new ItemService(jdbc, clock, policy, facts, null, null, listings, null, null, null, tracing,
                properties, event -> { }, null);
        // the search path's visibility sets: the council module answers "which councils does this person see" from
        // the same generated memberships (person u: council u % 1000); nothing else of it is used
        Councils councilsOfPeople = (Councils) java.lang.reflect.Proxy.newProxyInstance(
                Councils.class.getClassLoader(), new Class<?>[] {Councils.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("councils") || args == null || args.length != 1) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    int u = (int) ((BansoUser) args[0]).id().value().getLeastSignificantBits();
                    return List.of(new CouncilViews.CouncilSummary(councils[u % 1000], "council " + (u % 1000),
                            CouncilStatus.ESTABLISHED, null, now));
                });
        search = new SearchSupport(jdbc, councilsOfPeople, memberships, null, new DesignationTimeline(jdbc, caches),
                org.banso.information.internal.content.ContentLimits.defaults());

        // a hot set, warmed into the item cache
        hot = new ItemId[HOT_ITEMS];
        hotFacts = new AccessFacts.ItemFacts[HOT_ITEMS];
        hotDesignations = new List[HOT_ITEMS];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int permitted = 0;
        for (int n = 0; n < HOT_ITEMS; n++) {
            int i = 1 + random.nextInt(1_000_000);
            hot[n] = new ItemId(md5Uuid(jdbc, "i" + i));
            hotFacts[n] = facts.item(hot[n]).orElseThrow();
            hotDesignations[n] = facts.designationsOf(hotFacts[n]);
            int c = i <= 10000 ? 0 : ((i - 10001) % 999) + 1;
            if (policy.decide(people[c + 1000 * random.nextInt(10)], InformationAction.METADATA, hot[n], now)
                    .permitted()) {
                permitted++;
            }
        }
        List<ItemSummary> page = items.items(councils[0], people[0], 0);
        System.out.printf("hot set: %d of %d visible to a member of their council; council 0 page: %d rows%n",
                permitted, HOT_ITEMS, page.size());
        if (page.size() != 200 || permitted < HOT_ITEMS / 2) {
            throw new IllegalStateException("the world is not what the benchmark assumes");
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
    public AccessDecision decide() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return policy.decide(people[random.nextInt(PEOPLE)],
                random.nextBoolean() ? InformationAction.METADATA : InformationAction.DOWNLOAD,
                hot[random.nextInt(HOT_ITEMS)], now);
    }

    @Benchmark
    public AccessDecision decidePure() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = random.nextInt(HOT_ITEMS);
        CouncilMembership membership = new CouncilMembership(hotFacts[n].council(),
                hotFacts[n].provider(), ParticipantRole.COMPANY, false, true);
        return PolicyRules.decide(random.nextBoolean() ? membership : null, InformationAction.DOWNLOAD, hotFacts[n],
                hotDesignations[n], now, type -> true, () -> true);
    }

    /** What every search asks first (issue 8): the person's visibility sets over all 50,000 designations. */
    @Benchmark
    public InformationSearchSupport.Visibility searchVisibility() {
        return search.visibility(people[ThreadLocalRandom.current().nextInt(PEOPLE)], now);
    }

    @Benchmark
    public List<ItemSummary> listCouncilZero() {
        return items.items(councils[0], people[0], 0);
    }
}
