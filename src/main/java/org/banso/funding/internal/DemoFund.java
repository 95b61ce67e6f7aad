package org.banso.funding.internal;

import org.banso.funding.Funding;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.FundId;
import org.banso.funding.Program;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.UserView;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The K Program fund with its two appropriations (demo profile only): 250 bn yen of the FY2021 supplementary budget
 * and 250 bn yen of the FY2022 supplementary budget (reference README), recorded by the demo program officer.
 */
@Component
@Profile("demo")
@Order(30)
class DemoFund implements ApplicationRunner {

    private final Funding funding;
    private final IdentityManagement identity;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DemoFund(Funding funding, IdentityManagement identity, JdbcClient jdbc, TransactionTemplate transaction) {
        this.funding = funding;
        this.identity = identity;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from funding_fund where program = 'K_PROGRAM'").query(Long.class).single() > 0) {
            return;
        }
        BansoUser officer = identity.userByUsername("officer").map(UserView::asPrincipal).orElse(null);
        if (officer == null) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            FundId fund = funding.createFund("経済安全保障重要技術育成基金（K Program）", Program.K_PROGRAM, officer).id();
            funding.record(fund, EntryKind.APPROPRIATION, 250_000_000_000L, "令和3年度補正予算", officer);
            funding.record(fund, EntryKind.APPROPRIATION, 250_000_000_000L, "令和4年度補正予算", officer);
        });
    }
}
