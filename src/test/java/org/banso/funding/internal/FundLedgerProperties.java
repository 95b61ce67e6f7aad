package org.banso.funding.internal;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.banso.funding.internal.FundLedgerPropertyTest.Cast;
import org.banso.funding.internal.FundLedgerPropertyTest.Draw;
import org.springframework.test.context.TestContextManager;

/**
 * R2 as a jqwik property: jqwik generates the sequences of appropriations, returns, awards, activations,
 * disbursements and reversals (and shrinks a failing one to a shortest sequence); each runs on a fresh fund through
 * the real service on PostgreSQL against the model of {@link FundLedgerPropertyTest}, which then checks that every
 * account's balance equals the SUM of its entries and none is negative. jqwik has no Spring extension, so the
 * application context comes from Spring's test context cache (the same one the other integration tests use).
 */
class FundLedgerProperties {

    private static FundLedgerPropertyTest ledger;
    private static Cast cast;

    @BeforeContainer
    static void application() throws Exception {
        ledger = new FundLedgerPropertyTest();
        new TestContextManager(FundLedgerPropertyTest.class).prepareTestInstance(ledger);
        cast = ledger.cast();
    }

    @Property(tries = 100)
    void r2_anySequenceKeepsEveryBalanceEqualToItsEntriesAndNeverNegative(@ForAll("sequences") List<Draw> draws) {
        ledger.runSequence(cast, draws, "jqwik sequence of " + draws.size());
    }

    @Provide
    Arbitrary<List<Draw>> sequences() {
        return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.longs().between(1, 1_500),
                        Arbitraries.integers().between(0, 999))
                .as(Draw::new).list().ofMinSize(1).ofMaxSize(60);
    }
}
