package org.banso.council;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilViews.CouncilSummary;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.InvitationView;
import org.banso.council.CouncilViews.IssuedInvitation;
import org.banso.council.CouncilViews.MaterialRequestView;
import org.banso.council.CouncilViews.MeetingView;
import org.banso.council.CouncilViews.PledgeView;
import org.banso.council.CouncilViews.ProposalSummary;
import org.banso.council.CouncilViews.ProposalView;
import org.banso.council.CouncilViews.SignatureView;
import org.banso.council.CouncilViews.TaskView;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;

/**
 * The council module's facade. Every method takes the acting person and decides itself whether they may act: a
 * council is visible only to its participants' members, its required consenters and the competent ministry's
 * officials (others get {@code not-found}); acting without being a participant gives {@code not-a-participant};
 * non-public information needs a signed current pledge ({@code pledge-required}, R12). A refused request changes
 * nothing.
 */
public interface CouncilManagement {

    // --- establishment (R5, R6, R7) ---

    /** A ministry official of the competent ministry proposes a council; the ministry is its first participant. */
    CouncilView propose(NewCouncil council, BansoUser actor);

    /**
     * For the funding module (R7): the council of a K Program project, proposed on behalf of the competent ministry
     * with the project's principal investigator as required consenter. The actor is a funding officer or an official
     * of the competent ministry ({@code forbidden} otherwise). The ministry's participant is represented by
     * {@code competentMinistryRepresentativeId}, an enabled ministry official of that ministry; an official actor may
     * omit it and represents the ministry themselves. A missing or unfit representative is {@code validation-failed}
     * on that field. A project has at most one council. Events name the actor as {@code by}.
     */
    CouncilId createCouncilForProject(ProjectCouncil council, BansoUser actor);

    /** For the funding module (R7): the council of a project and whether it is established. */
    java.util.Optional<CouncilSummary> councilOfProject(UUID projectId);

    List<CouncilSummary> councils(BansoUser viewer);

    /** For the search module, a system reader (no viewer): every council, in pages ordered by id. */
    List<CouncilSummary> allCouncils(CouncilId after, int limit);

    /** For the search module, a system reader (no viewer): one council's summary, empty when it does not exist. */
    java.util.Optional<CouncilSummary> councilSummary(CouncilId id);

    /** For the search module, a system reader (no viewer): a proposal, empty when it does not exist. */
    java.util.Optional<ProposalView> proposalForIndex(ProposalId id);

    /** For the search module, a system reader (no viewer): a meeting, empty when it does not exist. */
    java.util.Optional<MeetingView> meetingForIndex(MeetingId id);

    /** For the search module, a system reader (no viewer): the ids of a council's proposals and meetings. */
    List<java.util.UUID> proposalAndMeetingIds(CouncilId id, boolean meetings);

    CouncilView council(CouncilId id, BansoUser viewer);

    CouncilView recordConsent(CouncilId id, String decision, BansoUser actor);

    CouncilView establish(CouncilId id, BansoUser actor);

    CouncilView dissolve(CouncilId id, BansoUser actor);

    // --- participants (R6, R13) ---

    CouncilView addParticipant(CouncilId id, NewParticipant participant, BansoUser actor);

    /** The participant leaves (its representative) or is removed (a competent ministry member). */
    CouncilView removeParticipant(CouncilId id, ParticipantId participant, BansoUser actor);

    IssuedInvitation invite(CouncilId id, ParticipantRole role, BansoUser actor);

    List<InvitationView> invitations(CouncilId id, BansoUser actor);

    void revokeInvitation(CouncilId id, InvitationId invitation, BansoUser actor);

    /** What an invitation token stands for, without using it (for the page that asks the invitee to confirm). */
    java.util.Optional<CouncilViews.InvitationPreview> previewInvitation(String token);

    /** Joins the invitee's organization to the council (or adds them to its participant) and answers the council. */
    CouncilId acceptInvitation(String token, BansoUser actor);

    /**
     * For someone with no account yet (R13): in one transaction, checks the invitation, registers a NEW organization
     * and its RESEARCHER account through identity, joins that organization with the invitation's role (the newcomer
     * its representative and member) and uses the invitation up. Nothing changes when any step is refused. The
     * newcomer then signs in and signs the pledge.
     */
    CouncilId acceptInvitationAsNewcomer(String token, org.banso.identity.IdentityManagement.Newcomer details);

    // --- pledge (R12) ---

    PledgeView pledge(CouncilId id, BansoUser viewer);

    PledgeView signPledge(CouncilId id, String language, BansoUser actor);

    void revokePledge(CouncilId id, BansoUser actor);

    PledgeView publishPledgeVersion(CouncilId id, String textJa, String textEn, BansoUser actor);

    List<SignatureView> signatures(CouncilId id, BansoUser viewer);

    // --- proposals (R8, R14) ---

    ProposalView propose(CouncilId id, NewProposal proposal, BansoUser actor);

    List<ProposalSummary> proposals(CouncilId id, BansoUser viewer);

    ProposalView proposal(ProposalId id, BansoUser viewer);

    ProposalView respond(ProposalId id, String response, String reason, BansoUser actor);

    ProposalView amend(ProposalId id, String title, String body, Designation designation, BansoUser actor);

    ProposalView withdraw(ProposalId id, BansoUser actor);

    // --- meetings, follow-up, materials (R8, R9, R11) ---

    MeetingView scheduleMeeting(CouncilId id, NewMeeting meeting, BansoUser actor);

    List<MeetingView> meetings(CouncilId id, BansoUser viewer);

    MeetingView meeting(MeetingId id, BansoUser viewer);

    /** The meeting as an iCalendar (RFC 5545) event. */
    String meetingCalendar(MeetingId id, BansoUser viewer);

    MeetingView recordAttendance(MeetingId id, List<UserId> attendees, UUID minutesItemId, BansoUser actor);

    TaskView createTask(CouncilId id, NewTask task, BansoUser actor);

    List<TaskView> tasks(CouncilId id, BansoUser viewer);

    TaskView completeTask(TaskId id, BansoUser actor);

    MaterialRequestView requestMaterials(CouncilId id, NewMaterialRequest request, BansoUser actor);

    List<MaterialRequestView> materialRequests(CouncilId id, BansoUser viewer);

    MaterialRequestView fulfil(MaterialRequestId id, List<UUID> itemIds, BansoUser actor);

    MaterialRequestView decline(MaterialRequestId id, String reason, BansoUser actor);

    // --- requests ---

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

    record NewProposal(Matter matter, String title, String body, Designation designation, Instant responseDeadline) {
    }

    record NewMeeting(String title, Instant startsAt, Instant endsAt, String place, String link,
                      List<CouncilViews.AgendaItem> agenda) {
    }

    /**
     * @param kind ACTION_ITEM (needs an adopted {@code proposalId} and an {@code assigneeParticipantId}),
     *             REGULATORY_RELAXATION or INTERNATIONAL_STANDARDIZATION (need a {@code responsibleMinistryId})
     */
    record NewTask(String kind, ProposalId proposalId, ParticipantId assigneeParticipantId,
                   OrganizationId responsibleMinistryId, String title, String description, LocalDate dueDate) {
    }

    record NewMaterialRequest(ParticipantId addresseeParticipantId, String title, String description,
                              LocalDate dueDate) {
    }
}
