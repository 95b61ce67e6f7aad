package org.banso.identity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement.NewOrganization;
import org.banso.identity.IdentityManagement.NewUser;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.banso.identity.Role;
import org.banso.identity.UserView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo organizations and one person for every role, loaded only under the {@code demo} profile (the README's run
 * command), never in production. Real ministries and agencies; the university, startup, company and think tank are
 * fictional and say so in their names.
 */
@Component
@Profile("demo")
@Order(10)
class DemoIdentityData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentityData.class);

    private static final List<NewOrganization> ORGANIZATIONS = List.of(
            new NewOrganization("内閣府", "Cabinet Office", OrganizationKind.MINISTRY, "2000012010019"),
            new NewOrganization("文部科学省", "Ministry of Education, Culture, Sports, Science and Technology",
                    OrganizationKind.MINISTRY, "7000012060001"),
            new NewOrganization("経済産業省", "Ministry of Economy, Trade and Industry", OrganizationKind.MINISTRY,
                    "4000012090001"),
            new NewOrganization("防衛省", "Ministry of Defense", OrganizationKind.MINISTRY, "8000012130001"),
            new NewOrganization("総務省", "Ministry of Internal Affairs and Communications", OrganizationKind.MINISTRY,
                    "2000012020001"),
            new NewOrganization("国立研究開発法人科学技術振興機構（JST）", "Japan Science and Technology Agency (JST)",
                    OrganizationKind.FUNDING_AGENCY, null),
            new NewOrganization("国立研究開発法人新エネルギー・産業技術総合開発機構（NEDO）",
                    "New Energy and Industrial Technology Development Organization (NEDO)",
                    OrganizationKind.FUNDING_AGENCY, null),
            new NewOrganization("【架空】東都先端科学大学", "[Fictional] Toto University of Advanced Science",
                    OrganizationKind.UNIVERSITY, null),
            new NewOrganization("【架空】株式会社ミライ量子", "[Fictional] Mirai Quantum Inc.",
                    OrganizationKind.STARTUP, null),
            new NewOrganization("【架空】大和精密工業株式会社", "[Fictional] Yamato Precision Industries Ltd.",
                    OrganizationKind.COMPANY, null),
            new NewOrganization("【架空】先端技術政策研究所", "[Fictional] Institute for Advanced Technology Policy",
                    OrganizationKind.THINK_TANK, null));

    private record DemoPerson(String username, String displayName, String organization, Role role) {
    }

    private static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("officer", "内閣 一郎 (Program officer)", "内閣府", Role.PROGRAM_OFFICER),
            new DemoPerson("meti", "経産 花子 (METI official)", "経済産業省", Role.MINISTRY_OFFICIAL),
            new DemoPerson("mext", "文科 次郎 (MEXT official)", "文部科学省", Role.MINISTRY_OFFICIAL),
            new DemoPerson("funding", "基金 三郎 (JST funding officer)", "国立研究開発法人科学技術振興機構（JST）",
                    Role.FUNDING_OFFICER),
            new DemoPerson("researcher", "研究 桜 (PI, fictional university)", "【架空】東都先端科学大学",
                    Role.RESEARCHER),
            new DemoPerson("startup", "起業 翔 (fictional startup)", "【架空】株式会社ミライ量子", Role.RESEARCHER),
            new DemoPerson("analyst", "分析 美咲 (fictional think tank)", "【架空】先端技術政策研究所", Role.ANALYST),
            new DemoPerson("auditor", "監査 健 (Information security)", "内閣府", Role.AUDITOR));

    private final IdentityService identity;
    private final Organizations organizations;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final String demoPassword;

    DemoIdentityData(IdentityService identity, Organizations organizations, Accounts accounts,
                     TransactionTemplate transaction,
                     @Value("${banso.demo.password:banso-demo-2026}") String demoPassword) {
        this.identity = identity;
        this.organizations = organizations;
        this.accounts = accounts;
        this.transaction = transaction;
        this.demoPassword = demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> load());
        StringBuilder table = new StringBuilder("\n\nDemo accounts (demo profile only), password '")
                .append(demoPassword).append("':\n");
        PEOPLE.forEach(p -> table.append(String.format("  %-11s %-18s %s%n", p.username(), p.role(),
                p.displayName())));
        table.append("  admin       ADMIN              password from BANSO_ADMIN_PASSWORD, or printed at first start\n");
        log.info(table.toString());
    }

    private void load() {
        // Acts as the first administrator: demo data goes through the same rules as anybody's input.
        UserView admin = accounts.byUsername("admin").orElseThrow().view();
        BansoUser actor = admin.asPrincipal();
        Map<String, OrganizationView> byName = new LinkedHashMap<>();
        for (NewOrganization org : ORGANIZATIONS) {
            byName.put(org.name(), organizations.byName(org.name())
                    .orElseGet(() -> identity.registerOrganization(org, actor)));
        }
        for (DemoPerson person : PEOPLE) {
            if (!identity.userExists(person.username())) {
                identity.createUser(new NewUser(person.username(), person.displayName(),
                        person.username() + "@demo.banso.invalid", byName.get(person.organization()).id(),
                        Set.of(person.role()), demoPassword), actor);
            }
        }
    }
}
