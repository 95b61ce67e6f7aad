package org.banso.funding.internal;

import java.util.Optional;
import java.util.UUID;

import org.banso.funding.ProjectId;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;

/** The council gate of K Program projects (R7), in the funding module's own terms; one adapter implements it. */
interface ProjectCouncils {

    /**
     * Creates the project's council (status PROPOSED, the PI a required consenter), in the caller's transaction.
     *
     * @param competentMinistryRepresentative the ministry official who represents the competent ministry in the
     *                                        council; null when the actor is an official of that ministry
     * @param informationManagementDraft the application's draft open/close plan, to become the draft of the
     *                                   council's first information-management proposal; null without one
     */
    UUID create(ProjectId project, String name, OrganizationId competentMinistry, UserId principalInvestigator,
                UserId competentMinistryRepresentative, String informationManagementDraft, BansoUser actor);

    /** The status of the project's council (PROPOSED, ESTABLISHED, DISSOLVED), empty if it has none. */
    Optional<String> status(ProjectId project);

    default boolean isEstablished(ProjectId project) {
        return status(project).filter("ESTABLISHED"::equals).isPresent();
    }
}
