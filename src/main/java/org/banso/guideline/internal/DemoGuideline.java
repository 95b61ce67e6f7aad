package org.banso.guideline.internal;

import java.util.List;

import org.banso.guideline.GuidelineModel.MeasureKind;
import org.banso.guideline.GuidelineModel.NewMeasure;
import org.banso.guideline.GuidelineModel.NewSection;
import org.banso.guideline.GuidelineModel.NewVersion;
import org.banso.guideline.GuidelineModel.Version;
import org.banso.guideline.Guidelines;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationView;
import org.banso.identity.UserView;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo guideline in force (demo profile only), drafted by the demo program officer from the seed document's
 * framework, so that the public guideline page shows something. Its title says it is a demo.
 */
@Component
@Profile("demo")
@Order(20)
class DemoGuideline implements ApplicationRunner {

    private final Guidelines guidelines;
    private final IdentityManagement identity;
    private final TransactionTemplate transaction;

    DemoGuideline(Guidelines guidelines, IdentityManagement identity, TransactionTemplate transaction) {
        this.guidelines = guidelines;
        this.identity = identity;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (guidelines.current().isPresent()) {
            return;
        }
        BansoUser officer = identity.userByUsername("officer").map(UserView::asPrincipal).orElse(null);
        if (officer == null) {
            return;
        }
        transaction.executeWithoutResult(status -> load(officer));
    }

    private void load(BansoUser officer) {
        OrganizationId cabinetOffice = ministry("内閣府");
        OrganizationId mext = ministry("文部科学省");
        OrganizationId meti = ministry("経済産業省");
        Version draft = guidelines.draft(new NewVersion("先端的な重要技術に係る研究開発基本指針（デモ）",
                "Basic guideline for R&D of advanced critical technologies (demo)", null), officer);
        guidelines.addSection(draft.id(), new NewSection("基本的な考え方", "Basic approach",
                "先端的な重要技術の研究開発とその成果の適切な活用は、中長期的に我が国が国際社会において確固たる地位を確保し"
                        + "続ける上で不可欠な要素である。政府は、研究者等への必要な情報の提供、資金の確保、人材の養成及び資質の"
                        + "向上などの支援策を講ずる。",
                "R&D of advanced critical technologies and the appropriate use of its results are indispensable for "
                        + "Japan to keep a firm position in the international community. The government provides "
                        + "researchers with information, funding and the development of people."), officer);
        guidelines.addSection(draft.id(), new NewSection("協議会による伴走支援", "Hands-on support through councils",
                "関係省庁等が伴走支援を行えるよう、研究者と関係省庁等が有用な情報を安心して相互に共有し意見交換できる協議会を"
                        + "設置する。協議会の構成員には国家公務員と同等の守秘義務を課し、研究成果は原則として公開とする。",
                "Councils let researchers and ministries share useful information safely. Members owe a duty of "
                        + "confidentiality equal to a national public servant's; research results are public by default."),
                officer);
        guidelines.addMeasure(draft.id(), new NewMeasure(MeasureKind.INFORMATION_PROVISION,
                "協議会を通じた情報提供", "Information provision through councils",
                "ニーズ省庁等が有する情報を協議会で研究者に提供する。", "Needs ministries share information with researchers.",
                cabinetOffice, List.of()), officer);
        guidelines.addMeasure(draft.id(), new NewMeasure(MeasureKind.FUNDING,
                "経済安全保障重要技術育成プログラム（K Program）", "Key and Advanced Technology R&D through Cross Community "
                        + "Collaboration Program (K Program)",
                "基金による研究開発の資金支援。", "Funding of R&D from the designated fund.", meti, List.of()), officer);
        guidelines.addMeasure(draft.id(), new NewMeasure(MeasureKind.HUMAN_RESOURCES,
                "研究人材の育成", "Development of researchers",
                "シンクタンクと連携した高度な人材の確保・育成。", "Developing people together with the think tank.", mext,
                List.of()), officer);
        guidelines.enforce(draft.id(), officer);
    }

    private OrganizationId ministry(String name) {
        return identity.organizations().stream().filter(o -> o.name().equals(name)).map(OrganizationView::id)
                .findFirst().orElseThrow();
    }
}
