package org.banso.funding.internal;

import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilDissolutionVeto;
import org.banso.council.CouncilId;
import org.banso.council.CouncilManagement;
import org.banso.funding.ProjectId;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The council gate (R7) on the council module. The council is created through
 * {@link CouncilManagement#createCouncilForProject}, with the person who awards the project as the actor, unchanged:
 * that method requires a ministry official of the competent ministry, so a K Program project is awarded by someone
 * who is both a funding officer and an official of its competent ministry (anyone else gets {@code 403 forbidden}
 * and nothing is written). The application's draft open/close plan stays with the project
 * ({@code informationManagementDraft}): a council takes proposals only once established and from pledged
 * participants, so it cannot be filed at creation.
 *
 * <p>Also the council module's dissolution veto: a council serving an ACTIVE project cannot be dissolved (R7).
 */
@Component
class CouncilModuleAdapter implements ProjectCouncils, CouncilDissolutionVeto {

    private final CouncilManagement councils;
    private final JdbcClient jdbc;

    CouncilModuleAdapter(CouncilManagement councils, JdbcClient jdbc) {
        this.councils = councils;
        this.jdbc = jdbc;
    }

    @Override
    public UUID create(ProjectId project, String name, OrganizationId competentMinistry, UserId principalInvestigator,
                       String informationManagementDraft, BansoUser actor) {
        return councils.createCouncilForProject(project.value(), name, competentMinistry, principalInvestigator, actor)
                .value();
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
