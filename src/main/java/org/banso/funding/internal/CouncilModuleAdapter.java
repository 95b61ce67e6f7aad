package org.banso.funding.internal;

import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilDissolutionVeto;
import org.banso.council.CouncilId;
import org.banso.council.Councils;
import org.banso.funding.ProjectId;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The council gate (R7) on the council module. The council is created through
 * {@link Councils#createForProject} in the award's transaction, with the awarding funding officer
 * as the actor (the council's events record them as {@code by}) and the named competent-ministry representative as
 * the ministry participant's representative (the council module checks that person; a refusal rolls the award
 * back). The application's draft open/close plan goes with it and is kept by the council as the draft of its first
 * INFORMATION_MANAGEMENT proposal: a council takes proposals only once established and from pledged participants,
 * so the draft cannot be filed as a proposal at creation.
 *
 * <p>Also the council module's dissolution veto: a council serving an ACTIVE project cannot be dissolved (R7).
 */
@Component
class CouncilModuleAdapter implements ProjectCouncils, CouncilDissolutionVeto {

    private final Councils councils;
    private final JdbcClient jdbc;

    CouncilModuleAdapter(Councils councils, JdbcClient jdbc) {
        this.councils = councils;
        this.jdbc = jdbc;
    }

    @Override
    public UUID create(ProjectId project, String name, OrganizationId competentMinistry, UserId principalInvestigator,
                       UserId competentMinistryRepresentative, String informationManagementDraft, BansoUser actor) {
        return councils.createForProject(new Councils.ProjectCouncil(project.value(), name,
                competentMinistry, principalInvestigator, competentMinistryRepresentative,
                informationManagementDraft), actor).value();
    }

    @Override
    public Optional<String> status(ProjectId project) {
        return councils.councilOfProject(project.value()).map(summary -> summary.status().name());
    }

    @Override
    public boolean forbidsDissolution(CouncilId council) {
        return jdbc.sql("select count(*) from funding_project where council_id = ? and status = 'ACTIVE'")
                .param(council.value()).query(Long.class).single() > 0;
    }
}
