package org.banso.funding.internal;

import java.util.Optional;
import java.util.UUID;

import org.banso.funding.ProjectId;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.stereotype.Component;

/**
 * Placeholder adapter while the council module is not yet part of the application: it fails closed. No K Program
 * project can be awarded (no council can be created) and none counts as having an established council (R7).
 */
@Component
class PendingCouncilModule implements ProjectCouncils {

    @Override
    public UUID create(ProjectId project, String name, OrganizationId competentMinistry, UserId principalInvestigator,
                       String informationManagementDraft, BansoUser actor) {
        throw new BansoException(ProblemCode.CONFLICT,
                "K Program projects need the council module, which is not installed (R7).");
    }

    @Override
    public Optional<String> status(ProjectId project) {
        return Optional.empty();
    }
}
