package org.banso.funding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.banso.funding.FundId;
import org.banso.funding.Funding;
import org.banso.funding.FundingFixtures;
import org.banso.funding.FundingViews.Balance;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.FundingViews.LedgerEntry;
import org.banso.funding.FundingViews.ProjectView;
import org.banso.funding.Program;
import org.banso.funding.ProjectId;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.SeededProperty;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R2 as a property: seeded random sequences of appropriations, returns, awards (allocations), activations,
 * disbursements and reversals, each on a fresh fund through the real service on PostgreSQL and through a simple
 * in-memory model. After every operation the service must succeed exactly when the model says so (else with the
 * model's error code); after every sequence every account's balance equals the SUM of its entries, none is negative,
 * and the fund's balances equal the model's. A failing sequence is shrunk to a shorter one that still fails and
 * reported with its seed ({@link SeededProperty}: {@code -Dbanso.seed=<seed>} replays it, {@code -Dbanso.cases=<n>}
 * runs more sequences).
 */
@BansoIntegrationTest
class FundLedgerPropertyTest {

    private static final long SEED = 20261125L;
    private static final int SEQUENCES = 40;
    /** At most this many re-runs of a failing sequence while shrinking it. */
    private static final int SHRINK_BUDGET = 80;

    @Autowired
    Funding funding;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;

    /** The model: natural balances by account key, projects and entries. */
    static final class Model {
        final Map<String, Long> balances = new HashMap<>();
        final List<ProjectId> projects = new ArrayList<>();
        final Map<ProjectId, Boolean> active = new HashMap<>();
        final List<ModelEntry> entries = new ArrayList<>();

        long get(String account) {
            return balances.getOrDefault(account, 0L);
        }

        /** Whether moving amount from credit to debit keeps both natural balances non-negative. */
        boolean canPost(String debit, String credit, long amount) {
            return get(debit) + sign(debit, 'D') * amount >= 0 && get(credit) + sign(credit, 'C') * amount >= 0;
        }

        void post(EntryKind kind, String debit, String credit, long amount, UUID id, ModelEntry reversed) {
            balances.put(debit, get(debit) + sign(debit, 'D') * amount);
            balances.put(credit, get(credit) + sign(credit, 'C') * amount);
            entries.add(new ModelEntry(id, kind, debit, credit, amount));
            if (reversed != null) {
                reversed.reversed = true;
            }
        }

        static long sign(String account, char side) {
            char normal = account.equals("APPROPRIATIONS") ? 'C' : 'D';
            return side == normal ? 1 : -1;
        }
    }

    static final class ModelEntry {
        final UUID id;
        final EntryKind kind;
        final String debit;
        final String credit;
        final long amount;
        boolean reversed;

        ModelEntry(UUID id, EntryKind kind, String debit, String credit, long amount) {
            this.id = id;
            this.kind = kind;
            this.debit = debit;
            this.credit = credit;
            this.amount = amount;
        }
    }

    /**
     * One operation of a sequence: {@code choice} (0–99) picks the kind as weighted below, {@code amount} (1–1,500 yen)
     * its amount, {@code pick} which project or entry it concerns.
     */
    record Draw(int choice, long amount, int pick) {
    }

    /** The people and things every sequence needs, made once per run. */
    record Cast(OrganizationId ministry, OrganizationId company, BansoUser programOfficer, BansoUser fundingOfficer,
                BansoUser pi, TechnologyId technology) {
    }

    private Cast cast() {
        FundingFixtures fixtures = new FundingFixtures(identity, technologies);
        OrganizationId ministry = fixtures.organization(OrganizationKind.MINISTRY);
        OrganizationId company = fixtures.organization(OrganizationKind.COMPANY);
        return new Cast(ministry, company, fixtures.user(ministry, Role.PROGRAM_OFFICER),
                fixtures.user(ministry, Role.FUNDING_OFFICER), fixtures.user(company, Role.RESEARCHER),
                fixtures.technology());
    }

    @Test
    void r2_anySequenceOfOperationsKeepsBalancesEqualToTheSumOfEntriesAndNeverNegative() { // R2
        Cast cast = cast();
        int refusedReversals = 0;
        for (long seed : SeededProperty.seeds(SEED, SEQUENCES)) {
            List<Draw> draws = sequence(new SplittableRandom(seed));
            try {
                refusedReversals += runSequence(cast, draws, "seed " + seed);
            } catch (Throwable failure) {
                String label = "seed " + seed + ", shrunk";
                List<Draw> smallest = SeededProperty.shrink(draws,
                        shorter -> failure(cast, shorter, label) != null, SHRINK_BUDGET);
                Throwable smallestFailure = failure(cast, smallest, label);
                throw SeededProperty.failed("R2 ledger sequences", seed, smallestFailure == null ? failure
                        : new AssertionError("shrunk from " + draws.size() + " to " + smallest.size()
                        + " operations " + smallest + ": " + smallestFailure.getMessage(), smallestFailure));
            }
        }
        if (Long.getLong(SeededProperty.SEED) == null) {
            assertThat(refusedReversals).as("the generator also exercises refused reversals").isPositive();
        }
    }

    /** Short sequences half of the time (small counterexamples), else up to 60 operations. */
    static List<Draw> sequence(SplittableRandom random) {
        int length = 1 + random.nextInt(random.nextBoolean() ? 10 : 60);
        List<Draw> draws = new ArrayList<>(length);
        for (int op = 0; op < length; op++) {
            draws.add(new Draw(random.nextInt(100), 1 + random.nextLong(1_500), random.nextInt(1_000)));
        }
        return draws;
    }

    /** How the sequence fails on a fresh fund, or null when it passes. */
    private Throwable failure(Cast cast, List<Draw> draws, String label) {
        try {
            runSequence(cast, draws, label);
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    /**
     * Applies the draws to a fresh fund through the real service and to the model: each operation must succeed
     * exactly when the model says so (else with the model's code); then every balance is checked. Answers how many
     * reversals were refused.
     */
    private int runSequence(Cast cast, List<Draw> draws, String label) {
        FundId fund = funding.createFund("性質試験 " + UUID.randomUUID(), Program.OTHER, cast.programOfficer()).id();
        Model model = new Model();
        List<String> trace = new ArrayList<>();
        int refusedReversals = 0;
        for (int op = 0; op < draws.size(); op++) {
            Draw draw = draws.get(op);
            int choice = draw.choice();
            long amount = draw.amount();
            String context = label + ", operation " + op + ", trace " + trace;
            if (choice < 20) {
                trace.add("APPROPRIATION " + amount);
                LedgerEntry entry = funding.record(fund, EntryKind.APPROPRIATION, amount, "", cast.programOfficer());
                model.post(EntryKind.APPROPRIATION, "AVAILABLE", "APPROPRIATIONS", amount, entry.id(), null);
            } else if (choice < 30) {
                trace.add("RETURN " + amount);
                boolean ok = model.canPost("APPROPRIATIONS", "AVAILABLE", amount);
                LedgerEntry entry = attempt(() -> funding.record(fund, EntryKind.RETURN, amount, "",
                        cast.programOfficer()), ok ? null : ProblemCode.INSUFFICIENT_FUNDS, context);
                if (ok) {
                    model.post(EntryKind.RETURN, "APPROPRIATIONS", "AVAILABLE", amount, entry.id(), null);
                }
            } else if (choice < 40 && model.projects.size() < 5) {
                trace.add("AWARD " + amount);
                boolean ok = model.get("AVAILABLE") >= amount;
                ProjectView project = attempt(() -> funding.award(new Funding.NewProject("性質試験の課題",
                                Program.OTHER, fund, cast.technology(), cast.pi().id(), List.of(cast.company()),
                                amount, cast.ministry(), null, cast.company(), "社会実装計画", null),
                                cast.fundingOfficer()), ok ? null : ProblemCode.INSUFFICIENT_FUNDS, context);
                if (ok) {
                    model.projects.add(project.id());
                    model.active.put(project.id(), false);
                    UUID allocation = funding.ledger(fund, new Funding.LedgerFilter(EntryKind.ALLOCATION,
                            project.id(), 1), cast.programOfficer()).get(0).id();
                    model.post(EntryKind.ALLOCATION, "ALLOC:" + project.id(), "AVAILABLE", amount, allocation, null);
                }
            } else if (choice < 50 && !model.projects.isEmpty()) {
                ProjectId project = model.projects.get(draw.pick() % model.projects.size());
                trace.add("ACTIVATE " + model.projects.indexOf(project));
                boolean ok = !model.active.get(project);
                attempt(() -> funding.activate(project, cast.fundingOfficer()), ok ? null : ProblemCode.CONFLICT,
                        context);
                model.active.put(project, true);
            } else if (choice < 80 && !model.projects.isEmpty()) {
                ProjectId project = model.projects.get(draw.pick() % model.projects.size());
                trace.add("DISBURSE " + model.projects.indexOf(project) + " " + amount);
                String allocated = "ALLOC:" + project;
                String disbursed = "DISB:" + project;
                ProblemCode expected = !model.active.get(project) ? ProblemCode.CONFLICT
                        : model.canPost(disbursed, allocated, amount) ? null : ProblemCode.INSUFFICIENT_FUNDS;
                LedgerEntry entry = attempt(() -> funding.disburse(project, amount, "", cast.fundingOfficer()),
                        expected, context);
                if (expected == null) {
                    model.post(EntryKind.DISBURSEMENT, disbursed, allocated, amount, entry.id(), null);
                }
            } else if (!model.entries.isEmpty()) {
                ModelEntry original = model.entries.get(draw.pick() % model.entries.size());
                trace.add("REVERSE " + original.kind + " " + original.amount);
                ProblemCode expected = original.kind == EntryKind.REVERSAL || original.reversed
                        ? ProblemCode.CONFLICT
                        : model.canPost(original.credit, original.debit, original.amount) ? null
                        : ProblemCode.INSUFFICIENT_FUNDS;
                LedgerEntry entry = attempt(() -> funding.reverse(fund, original.id, "取消", cast.programOfficer()),
                        expected, context);
                if (expected == null) {
                    model.post(EntryKind.REVERSAL, original.credit, original.debit, original.amount, entry.id(),
                            original);
                } else {
                    refusedReversals++;
                }
            }
        }
        verify(fund, model, label + ", trace " + trace);
        return refusedReversals;
    }

    private void verify(FundId fund, Model model, String context) {
        long allocated = 0;
        long disbursed = 0;
        for (ProjectId project : model.projects) {
            allocated += model.get("ALLOC:" + project) + model.get("DISB:" + project);
            disbursed += model.get("DISB:" + project);
        }
        Balance balance = funding.balance(fund, identityOfAuditor());
        assertThat(balance).as(context).isEqualTo(new Balance(model.get("APPROPRIATIONS"), allocated, disbursed,
                model.get("AVAILABLE")));
        assertThat(balance.appropriated()).as(context).isEqualTo(balance.allocated() + balance.available());
        List<UUID> accounts = jdbc.sql("select id from funding_account where fund_id = ?").param(fund.value())
                .query(UUID.class).list();
        for (UUID account : accounts) {
            long running = ledger.balance(account);
            assertThat(running).as(context + ", account " + account).isEqualTo(ledger.balanceBySum(account))
                    .isNotNegative();
        }
        long lines = jdbc.sql("""
                        select count(*) from funding_ledger_line l join funding_ledger_entry e on e.seq = l.entry_seq
                        where e.fund_id = ?""").param(fund.value()).query(Long.class).single();
        assertThat(lines).as(context + ": one debit and one credit line per entry")
                .isEqualTo(2L * model.entries.size());
    }

    private BansoUser auditor;

    private BansoUser identityOfAuditor() {
        if (auditor == null) {
            FundingFixtures fixtures = new FundingFixtures(identity, technologies);
            auditor = fixtures.user(fixtures.organization(OrganizationKind.OTHER), Role.AUDITOR);
        }
        return auditor;
    }

    private static <T> T attempt(java.util.function.Supplier<T> operation, ProblemCode expected, String context) {
        try {
            T result = operation.get();
            assertThat(expected).as(context + ": succeeded but the model expected " + expected).isNull();
            return result;
        } catch (BansoException e) {
            assertThat(e.code()).as(context + ": " + e.getMessage()).isEqualTo(expected);
            return null;
        }
    }
}
