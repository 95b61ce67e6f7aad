package org.banso.funding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.banso.funding.FundId;
import org.banso.funding.Funding;
import org.banso.funding.FundingFixtures;
import org.banso.funding.FundingViews.Balance;
import org.banso.funding.FundingViews.EntryKind;
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
import org.banso.technology.TechnologyRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R2 under load: 100 threads disbursing from one allocation at the same moment never overdraw it. */
@BansoIntegrationTest
class ConcurrentDisbursementTest {

    @Autowired
    Funding funding;
    @Autowired
    Ledger ledger;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;

    @Test
    void hundredSimultaneousDisbursementsNeverOverdrawAndExactlyTheAffordableOnesSucceed() throws Exception { // R2
        FundingFixtures fixtures = new FundingFixtures(identity, technologies);
        OrganizationId ministry = fixtures.organization(OrganizationKind.MINISTRY);
        OrganizationId company = fixtures.organization(OrganizationKind.COMPANY);
        BansoUser programOfficer = fixtures.user(ministry, Role.PROGRAM_OFFICER);
        BansoUser fundingOfficer = fixtures.user(ministry, Role.FUNDING_OFFICER);
        BansoUser pi = fixtures.user(company, Role.RESEARCHER);
        FundId fund = funding.createFund("同時払出試験", Program.OTHER, programOfficer).id();
        funding.record(fund, EntryKind.APPROPRIATION, 5_000, "", programOfficer);
        ProjectId project = funding.award(new Funding.NewProject("同時払出の課題", Program.OTHER, fund,
                fixtures.technology(), pi.id(), List.of(company), 1_000L, ministry, null, company, "", null),
                fundingOfficer).id();
        funding.activate(project, fundingOfficer);

        int threads = 100;
        long amount = 30; // 1,000 / 30: exactly 33 fit
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentHashMap<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    funding.disburse(project, amount, "", fundingOfficer);
                    outcomes.merge("ok", 1, Integer::sum);
                } catch (BansoException e) {
                    outcomes.merge(e.code().code(), 1, Integer::sum);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("ok", 33, ProblemCode.INSUFFICIENT_FUNDS.code(), 67));
        Balance balance = funding.balance(fund, programOfficer);
        assertThat(balance.disbursed()).isEqualTo(990);
        assertThat(balance.allocated()).isEqualTo(1_000);
        var allocatedAccount = ledger.account(fund, project, Ledger.AccountKind.PROJECT_ALLOCATED).id();
        assertThat(ledger.balance(allocatedAccount)).isEqualTo(10).isEqualTo(ledger.balanceBySum(allocatedAccount));
    }
}
