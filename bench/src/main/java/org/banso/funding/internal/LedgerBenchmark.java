package org.banso.funding.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.banso.funding.FundId;
import org.banso.funding.FundingViews.Balance;
import org.banso.funding.FundingViews.LedgerEntry;
import org.banso.funding.ProjectId;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.Role;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fund ledger on a real PostgreSQL 17 (embedded, its own throw-away server): a ledger of 1,000,000 entries
 * (1 appropriation, 100 allocations, the rest 1-yen disbursements spread over 100 projects), then
 * <ul>
 *   <li>{@code fundBalance}: {@code GET /funds/{id}/balance}'s query (appropriated, allocated, disbursed, available
 *       over the fund's 202 accounts), sampled for percentiles (target: p95 ≤ 5 ms);</li>
 *   <li>{@code accountBalance}: one account's balance;</li>
 *   <li>{@code disburseAcrossProjects} / {@code disburseOneProject}: {@code FundingService.disburse} in its own
 *       transaction, 4 threads, on random projects or all on one (then serialised by the project lock); target
 *       ≥ 1,000 disbursements/s with the invariant held (checked at tear-down: every touched account's running
 *       balance equals the SUM of its entries).</li>
 * </ul>
 * Not measured here: the HTTP layer, authentication, and the audit log's listener (events go to a no-op publisher).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@State(Scope.Benchmark)
public class LedgerBenchmark {

    static final int ENTRIES = 1_000_000;
    static final int PROJECTS = 100;

    EmbeddedPostgres postgres;
    HikariDataSource dataSource;
    Ledger ledger;
    FundingService service;
    TransactionTemplate transactions;
    FundId fund;
    List<ProjectId> projects;
    UUID someAccount;
    BansoUser officer;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(8);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/funding").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ledger = new Ledger(jdbc);
        ProjectCouncils established = new ProjectCouncils() {
            @Override
            public UUID create(ProjectId project, String name, OrganizationId ministry, UserId pi, UserId representative,
                               String draft,
                               BansoUser actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> status(ProjectId project) {
                return Optional.of("ESTABLISHED");
            }
        };
        service = new FundingService(jdbc, ledger, established, null, event -> { }, Clock.systemUTC());
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        officer = new BansoUser(new UserId(UUID.randomUUID()), "bench", "Bench", null, java.util.Set.of(Role.FUNDING_OFFICER));
        seed(jdbc);
        jdbc.sql("vacuum analyze").update();
    }

    /** Writes the 1M-entry ledger with SQL, running balances computed by window functions as the service would. */
    private void seed(JdbcClient jdbc) {
        fund = FundId.random();
        UUID user = UUID.randomUUID();
        jdbc.sql("insert into funding_fund (id, name, program, created_at, created_by) values (?, 'bench', 'OTHER', now(), ?)")
                .params(fund.value(), user).update();
        ledger.openFundAccounts(fund);
        long perProject = 1_000_000_000_000L;
        jdbc.sql("""
                insert into funding_project (id, title, program, fund_id, technology_id, principal_investigator_id,
                    organization_ids, budget, competent_ministry_id, social_implementation_lead_id, status,
                    awarded_at, awarded_by)
                select gen_random_uuid(), 'bench ' || g, 'OTHER', ?, gen_random_uuid(), gen_random_uuid(),
                       array[gen_random_uuid()], ?, gen_random_uuid(), gen_random_uuid(), 'ACTIVE', now(), ?
                from generate_series(1, ?) g""").params(fund.value(), perProject, user, PROJECTS).update();
        projects = jdbc.sql("select id from funding_project where fund_id = ? order by id").param(fund.value())
                .query(UUID.class).list().stream().map(ProjectId::new).toList();
        projects.forEach(p -> ledger.openProjectAccounts(fund, p));
        UUID available = ledger.account(fund, null, Ledger.AccountKind.AVAILABLE).id();
        UUID source = ledger.account(fund, null, Ledger.AccountKind.APPROPRIATIONS).id();
        long total = perProject * PROJECTS * 2;
        ledger.post(fund, org.banso.funding.FundingViews.EntryKind.APPROPRIATION, total, null, null,
                ledger.account(fund, null, Ledger.AccountKind.AVAILABLE),
                ledger.account(fund, null, Ledger.AccountKind.APPROPRIATIONS), "", new UserId(user),
                java.time.Instant.now());
        for (ProjectId p : projects) {
            ledger.post(fund, org.banso.funding.FundingViews.EntryKind.ALLOCATION, perProject, p, null,
                    ledger.account(fund, p, Ledger.AccountKind.PROJECT_ALLOCATED),
                    ledger.account(fund, null, Ledger.AccountKind.AVAILABLE), "", new UserId(user),
                    java.time.Instant.now());
        }
        int disbursements = ENTRIES - 1 - PROJECTS;
        jdbc.sql("""
                insert into funding_ledger_entry (id, fund_id, kind, amount, project_id, memo, recorded_by, recorded_at)
                select gen_random_uuid(), ?, 'DISBURSEMENT', 1, p.id, '', ?, now()
                from generate_series(0, ? - 1) g
                join (select id, row_number() over (order by id) - 1 as n from funding_project where fund_id = ?) p
                  on p.n = g % ?""").params(fund.value(), user, disbursements, fund.value(), PROJECTS).update();
        jdbc.sql("""
                insert into funding_ledger_line (entry_seq, side, account_id, balance_after)
                select e.seq, 'D', d.id, row_number() over (partition by e.project_id order by e.seq)
                from funding_ledger_entry e
                join funding_account d on d.project_id = e.project_id and d.kind = 'PROJECT_DISBURSED'
                where e.fund_id = ? and e.kind = 'DISBURSEMENT'""").param(fund.value()).update();
        jdbc.sql("""
                insert into funding_ledger_line (entry_seq, side, account_id, balance_after)
                select e.seq, 'C', a.id, ? - row_number() over (partition by e.project_id order by e.seq)
                from funding_ledger_entry e
                join funding_account a on a.project_id = e.project_id and a.kind = 'PROJECT_ALLOCATED'
                where e.fund_id = ? and e.kind = 'DISBURSEMENT'""").params(perProject, fund.value()).update();
        someAccount = ledger.account(fund, projects.get(0), Ledger.AccountKind.PROJECT_DISBURSED).id();
        long entries = jdbc.sql("select count(*) from funding_ledger_entry").query(Long.class).single();
        System.out.println("Seeded ledger entries: " + entries + "; available " + ledger.balance(available)
                + "; source " + ledger.balance(source));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        for (ProjectId p : projects.subList(0, 5)) {
            for (Ledger.AccountKind kind : List.of(Ledger.AccountKind.PROJECT_ALLOCATED,
                    Ledger.AccountKind.PROJECT_DISBURSED)) {
                UUID account = ledger.account(fund, p, kind).id();
                if (ledger.balance(account) != ledger.balanceBySum(account) || ledger.balance(account) < 0) {
                    throw new IllegalStateException("Invariant broken on " + kind + " of " + p);
                }
            }
        }
        Balance balance = ledger.fundBalance(fund);
        if (balance.appropriated() != balance.allocated() + balance.available()) {
            throw new IllegalStateException("appropriated != allocated + available: " + balance);
        }
        System.out.println("Invariant held; final balance " + balance);
        dataSource.close();
        postgres.close();
    }

    @Benchmark
    public Balance fundBalance() {
        return transactions.execute(status -> ledger.fundBalance(fund));
    }

    @Benchmark
    public long accountBalance() {
        return ledger.balance(someAccount);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(4)
    public LedgerEntry disburseAcrossProjects() {
        ProjectId project = projects.get(ThreadLocalRandom.current().nextInt(PROJECTS));
        return transactions.execute(status -> service.disburse(project, 1, "", officer));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(4)
    public LedgerEntry disburseOneProject() {
        return transactions.execute(status -> service.disburse(projects.get(0), 1, "", officer));
    }
}
