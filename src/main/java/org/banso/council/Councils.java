package org.banso.council;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilViews.CouncilSummary;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;

/**
 * Councils and who takes part in them (R5–R7). Every method taking a person decides itself whether they may act: a
 * council is visible only to its participants' members, its required consenters and the competent ministry's
 * officials (others get {@code not-found}); acting without being a participant gives {@code not-a-participant}. A
 * refused request changes nothing.
 */
public interface Councils {

    /** A ministry official of the competent ministry proposes a council; the ministry is its first participant (R5). */
    CouncilView propose(NewCouncil council, BansoUser actor);

    /**
     * For the funding module (R7): the council of a K Program project, proposed on behalf of the competent ministry
     * with the project's principal investigator as required consenter. The actor is a funding officer or an official
     * of the competent ministry ({@code forbidden} otherwise). The ministry's participant is represented by
     * {@code competentMinistryRepresentativeId}, an enabled ministry official of that ministry; an official actor may
     * omit it and represents the ministry themselves. A missing or unfit representative is {@code validation-failed}
     * on that field. A project has at most one council. Events name the actor as {@code by}.
     */
    CouncilId createForProject(ProjectCouncil council, BansoUser actor);

    /** For the funding module (R7): the council of a project and whether it is established. */
    Optional<CouncilSummary> councilOfProject(UUID projectId);

    /** The councils the viewer may know of, newest first. */
    List<CouncilSummary> councils(BansoUser viewer);

    /** For the search module, a system reader (no viewer): every council, in pages ordered by id. */
    List<CouncilSummary> allCouncils(CouncilId after, int limit);

    /** For the search module, a system reader (no viewer): one council's summary, empty when it does not exist. */
    Optional<CouncilSummary> summary(CouncilId id);

    CouncilView council(CouncilId id, BansoUser viewer);

    /** A required researcher consents or declines, for themself (R5); {@code decision} null = not one of the two. */
    CouncilView recordConsent(CouncilId id, ConsentDecision decision, BansoUser actor);

    /** {@code consent-missing} / {@code consent-declined} unless every required researcher consented (R5). */
    CouncilView establish(CouncilId id, BansoUser actor);

    /** {@code council-has-active-project} while another module vetoes it (R7). */
    CouncilView dissolve(CouncilId id, BansoUser actor);

    /** The competent ministry adds an organization with its role, representative and members (R6). */
    CouncilView addParticipant(CouncilId id, NewParticipant participant, BansoUser actor);

    /**
     * The participant leaves (its representative) or is removed (a competent ministry member). Access ends at once;
     * open proposals every remaining participant consented to are adopted (R12, R14).
     */
    CouncilView removeParticipant(CouncilId id, ParticipantId participant, BansoUser actor);

    /**
     * Refuses exactly as {@link #removeParticipant} would for this actor ({@code not-found}, {@code forbidden},
     * {@code conflict}) and changes nothing: the confirmation page asks it before it is shown.
     */
    void checkRemoveParticipant(CouncilId id, ParticipantId participant, BansoUser actor);

    record NewCouncil(String name, OrganizationId competentMinistryId, List<UUID> projectIds,
                      List<UserId> requiredConsenterIds) {
    }

    /**
     * @param informationManagementDraft the application's draft open/close plan, kept with the council as the draft
     *                                   of its first INFORMATION_MANAGEMENT proposal; null without one
     */
    record ProjectCouncil(UUID projectId, String name, OrganizationId competentMinistryId,
                          UserId principalInvestigatorId, UserId competentMinistryRepresentativeId,
                          String informationManagementDraft) {
    }

    record NewParticipant(OrganizationId organizationId, ParticipantRole role, UserId representativeId,
                          List<UserId> memberIds) {
    }
}
