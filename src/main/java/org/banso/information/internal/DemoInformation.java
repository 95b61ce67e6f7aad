package org.banso.information.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.banso.council.ConsentDecision;
import org.banso.council.CouncilId;
import org.banso.council.CouncilViews.CouncilSummary;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.ParticipantView;
import org.banso.council.CouncilViews.ProposalView;
import org.banso.council.Councils;
import org.banso.council.Designation;
import org.banso.council.Matter;
import org.banso.council.ParticipantRole;
import org.banso.council.Pledges;
import org.banso.council.ProposalResponse;
import org.banso.council.Proposals;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.UserView;
import org.banso.information.InformationItems;
import org.banso.information.InformationItems.ItemView;
import org.banso.information.ItemCategory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo council with information (demo profile only), made through the facades as people would: METI proposes it
 * with the fictional university's PI consenting, the fictional startup and think tank join, everyone signs the
 * pledge; the startup stores a research result (published), a report (council-internal) and sampling data that a
 * designation adopted by everyone's consent controls for 90 days (view only, then public).
 */
@Component
@Profile("demo")
@Order(50)
class DemoInformation implements ApplicationRunner {

    static final String COUNCIL_NAME = "【架空】量子センサ社会実装協議会";
    private static final String RATIONALE_SOCIAL = "試験運用の結果を社会実装の方向性の検討に用いるため、参加者に限って共有する。";
    private static final String RATIONALE_LEAKAGE = "測定データは装置の性能を推定でき、技術流出のおそれがある。";
    private static final String RATIONALE_INNOVATION = "大学・企業・シンクタンクが同じデータを検討することで新たな用途を探る。";
    private static final String RATIONALE_INCENTIVE = "提供者の先行利益を守り、データ提供の意欲を損なわないよう期間を限る。";

    private final Councils councils;
    private final Proposals proposals;
    private final Pledges pledges;
    private final InformationItems items;
    private final IdentityManagement identity;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoInformation(Councils councils, Proposals proposals, Pledges pledges, InformationItems items,
                    IdentityManagement identity, TransactionTemplate transaction, Clock clock) {
        this.councils = councils;
        this.proposals = proposals;
        this.pledges = pledges;
        this.items = items;
        this.identity = identity;
        this.transaction = transaction;
        this.clock = clock;
    }

    private boolean demoCouncilExists() {
        CouncilId after = null;
        List<CouncilSummary> page;
        do {
            page = councils.allCouncils(after, 500);
            if (page.stream().anyMatch(c -> COUNCIL_NAME.equals(c.name()))) {
                return true;
            }
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == 500);
        return false;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoCouncilExists()) {
            return;
        }
        BansoUser meti = person("meti");
        BansoUser researcher = person("researcher");
        BansoUser startup = person("startup");
        BansoUser analyst = person("analyst");
        if (meti == null || researcher == null || startup == null || analyst == null) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            CouncilId council = councils.propose(new Councils.NewCouncil(COUNCIL_NAME, meti.organizationId(),
                    List.of(), List.of(researcher.id())), meti).id();
            councils.recordConsent(council, ConsentDecision.CONSENT, researcher);
            councils.establish(council, meti);
            councils.addParticipant(council, new Councils.NewParticipant(startup.organizationId(),
                    ParticipantRole.STARTUP, startup.id(), List.of()), meti);
            councils.addParticipant(council, new Councils.NewParticipant(analyst.organizationId(),
                    ParticipantRole.THINK_TANK, analyst.id(), List.of()), meti);
            councils.addParticipant(council, new Councils.NewParticipant(researcher.organizationId(),
                    ParticipantRole.UNIVERSITY, researcher.id(), List.of()), meti);
            for (BansoUser person : List.of(meti, startup, analyst, researcher)) {
                pledges.sign(council, "ja", person);
            }
            ItemView result = store(council, startup, "量子センサ試作機の評価結果（公開版）", ItemCategory.RESEARCH_RESULT,
                    "evaluation.txt", "試作機の感度は目標値を満たした。詳細な条件は報告書を参照。\n");
            items.publish(result.id(), startup);
            store(council, startup, "試験運用の中間報告", ItemCategory.REPORT, "interim-report.txt",
                    "試験運用は三か所で実施した。課題は設置環境の温度変化である。\n");
            ItemView data = store(council, startup, "現地測定データ（2026年秋）", ItemCategory.SAMPLING_DATA,
                    "measurements.csv", "site,time,value\nA,2026-10-01T09:00,0.9812\nB,2026-10-01T09:00,0.9774\n");
            CouncilView view = councils.council(council, meti);
            List<java.util.UUID> scope = view.participants().stream()
                    .filter(p -> p.role() != ParticipantRole.THINK_TANK).map(ParticipantView::id)
                    .map(org.banso.council.ParticipantId::value).toList();
            Instant now = clock.instant();
            ProposalView proposal = proposals.propose(council, new Proposals.NewProposal(
                    Matter.INFORMATION_MANAGEMENT, "現地測定データの管理指定", "測定データを90日間、閲覧のみで管理する。",
                    new Designation(List.of(data.id().value()), null, scope, now, now.plus(Duration.ofDays(90)),
                            "VIEW_ONLY", "PUBLIC", new Designation.Rationale(RATIONALE_SOCIAL, RATIONALE_LEAKAGE,
                            RATIONALE_INNOVATION, RATIONALE_INCENTIVE)), null), meti);
            for (BansoUser person : List.of(meti, startup, analyst, researcher)) {
                proposals.respond(proposal.id(), ProposalResponse.CONSENT, null, person);
            }
        });
    }

    private ItemView store(CouncilId council, BansoUser actor, String title, ItemCategory category, String filename,
                           String text) {
        return items.upload(council, new InformationItems.NewItem(title, category, null),
                new InformationItems.Upload(filename, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))),
                actor);
    }

    private BansoUser person(String username) {
        return identity.userByUsername(username).map(UserView::asPrincipal).orElse(null);
    }
}
