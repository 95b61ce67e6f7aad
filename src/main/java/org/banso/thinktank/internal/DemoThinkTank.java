package org.banso.thinktank.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.UserView;
import org.banso.thinktank.Commissions;
import org.banso.thinktank.Commissions.CommissionRequest;
import org.banso.thinktank.Commissions.DeliverableRequest;
import org.banso.thinktank.Commissions.EntityRequest;
import org.banso.thinktank.Rankings;
import org.banso.thinktank.Rankings.Alternative;
import org.banso.thinktank.Rankings.RankingRequest;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: the fictional think tank recorded as a qualified entity with a three-year commission from the
 * Cabinet Office, and one ranking of four fields from the built-in data, so that the think-tank pages show something.
 */
@Component
@Profile("demo")
@Order(30)
class DemoThinkTank implements ApplicationRunner {

    private final Commissions commissions;
    private final Rankings rankings;
    private final IdentityManagement identity;
    private final TransactionTemplate transaction;

    DemoThinkTank(Commissions commissions, Rankings rankings, IdentityManagement identity,
                  TransactionTemplate transaction) {
        this.commissions = commissions;
        this.rankings = rankings;
        this.identity = identity;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        BansoUser officer = identity.userByUsername("officer").map(UserView::asPrincipal).orElse(null);
        if (officer == null || !commissions.entities(officer).isEmpty()) {
            return;
        }
        var thinkTank = identity.organizations().stream().filter(o -> o.name().equals("【架空】先端技術政策研究所"))
                .findFirst().orElse(null);
        if (thinkTank == null) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            var entity = commissions.registerEntity(new EntityRequest(thinkTank.id(),
                    "【デモ】国内外の先端技術動向の分析報告を毎年公表", "【デモ】産学官の専門家ネットワークを運営",
                    "【デモ】若手分析官の育成プログラム", Instant.parse("2026-04-01T00:00:00Z")), officer);
            commissions.commission(new CommissionRequest(entity.id(), "【デモ】先端半導体・量子分野の国際動向調査",
                    List.of(), LocalDate.of(2026, 4, 1), LocalDate.of(2029, 3, 31),
                    List.of(new DeliverableRequest("年次報告書（第1年度）", LocalDate.of(2027, 3, 31)))), officer);
            rankings.compute(new RankingRequest("【デモ】半導体・光学・材料・計算機の絞り込み", null, "Japan", 2018, 2013,
                    new double[][]{{1, 2, 3, 2}, {0.5, 1, 2, 1}, {1 / 3.0, 0.5, 1, 0.5}, {0.5, 1, 2, 1}},
                    List.of(new Alternative(null, "半導体", "semiconductors", null, null, 5.0, 5.0),
                            new Alternative(null, "光学", "optics", null, null, 3.0, 3.0),
                            new Alternative(null, "材料科学", "materials-science", null, null, 2.0, 2.0),
                            new Alternative(null, "計算機技術", "computer-technology", null, null, 4.0, 4.0))),
                    officer);
        });
    }
}
