package org.banso.council.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilManagement;
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
import org.banso.council.Designation;
import org.banso.council.InvitationId;
import org.banso.council.MaterialRequestId;
import org.banso.council.MeetingId;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalId;
import org.banso.council.TaskId;
import org.banso.identity.BansoUser;
import org.banso.identity.UserId;
import org.springframework.stereotype.Component;

/** The module's facade: establishment, participants, pledges and proposals, then the follow-up. */
@Component
public class CouncilFacade implements CouncilManagement {

    private final CouncilService councils;
    private final FollowUpService followUp;

    CouncilFacade(CouncilService councils, FollowUpService followUp) {
        this.councils = councils;
        this.followUp = followUp;
    }

    @Override
    public CouncilView propose(NewCouncil council, BansoUser actor) {
        return councils.propose(council, actor);
    }

    @Override
    public CouncilId createCouncilForProject(ProjectCouncil council, BansoUser actor) {
        return councils.createCouncilForProject(council, actor);
    }

    @Override
    public Optional<CouncilSummary> councilOfProject(UUID projectId) {
        return councils.councilOfProject(projectId);
    }

    @Override
    public List<CouncilSummary> councils(BansoUser viewer) {
        return councils.councils(viewer);
    }

    @Override
    public List<CouncilSummary> allCouncils(CouncilId after, int limit) {
        return councils.allCouncils(after, limit);
    }

    @Override
    public Optional<CouncilSummary> councilSummary(CouncilId id) {
        return councils.councilSummary(id);
    }

    @Override
    public Optional<ProposalView> proposalForIndex(ProposalId id) {
        return councils.proposalForIndex(id);
    }

    @Override
    public Optional<MeetingView> meetingForIndex(MeetingId id) {
        return followUp.meetingForIndex(id);
    }

    @Override
    public List<UUID> proposalAndMeetingIds(CouncilId id, boolean meetings) {
        return councils.proposalAndMeetingIds(id, meetings);
    }

    @Override
    public CouncilView council(CouncilId id, BansoUser viewer) {
        return councils.council(id, viewer);
    }

    @Override
    public CouncilView recordConsent(CouncilId id, String decision, BansoUser actor) {
        return councils.recordConsent(id, decision, actor);
    }

    @Override
    public CouncilView establish(CouncilId id, BansoUser actor) {
        return councils.establish(id, actor);
    }

    @Override
    public CouncilView dissolve(CouncilId id, BansoUser actor) {
        return councils.dissolve(id, actor);
    }

    @Override
    public CouncilView addParticipant(CouncilId id, NewParticipant participant, BansoUser actor) {
        return councils.addParticipant(id, participant, actor);
    }

    @Override
    public CouncilView removeParticipant(CouncilId id, ParticipantId participant, BansoUser actor) {
        return councils.removeParticipant(id, participant, actor);
    }

    @Override
    public IssuedInvitation invite(CouncilId id, ParticipantRole role, BansoUser actor) {
        return councils.invite(id, role, actor);
    }

    @Override
    public List<InvitationView> invitations(CouncilId id, BansoUser actor) {
        return councils.invitations(id, actor);
    }

    @Override
    public void revokeInvitation(CouncilId id, InvitationId invitation, BansoUser actor) {
        councils.revokeInvitation(id, invitation, actor);
    }

    @Override
    public CouncilId acceptInvitation(String token, BansoUser actor) {
        return councils.acceptInvitation(token, actor);
    }

    @Override
    public CouncilId acceptInvitationAsNewcomer(String token, org.banso.identity.IdentityManagement.Newcomer details) {
        return councils.acceptInvitationAsNewcomer(token, details);
    }

    @Override
    public Optional<org.banso.council.CouncilViews.InvitationPreview> previewInvitation(String token) {
        return councils.previewInvitation(token);
    }

    @Override
    public PledgeView pledge(CouncilId id, BansoUser viewer) {
        return councils.pledge(id, viewer);
    }

    @Override
    public PledgeView signPledge(CouncilId id, String language, BansoUser actor) {
        return councils.signPledge(id, language, actor);
    }

    @Override
    public void revokePledge(CouncilId id, BansoUser actor) {
        councils.revokePledge(id, actor);
    }

    @Override
    public PledgeView publishPledgeVersion(CouncilId id, String textJa, String textEn, BansoUser actor) {
        return councils.publishPledgeVersion(id, textJa, textEn, actor);
    }

    @Override
    public List<SignatureView> signatures(CouncilId id, BansoUser viewer) {
        return councils.signatures(id, viewer);
    }

    @Override
    public ProposalView propose(CouncilId id, NewProposal proposal, BansoUser actor) {
        return councils.propose(id, proposal, actor);
    }

    @Override
    public List<ProposalSummary> proposals(CouncilId id, BansoUser viewer) {
        return councils.proposals(id, viewer);
    }

    @Override
    public ProposalView proposal(ProposalId id, BansoUser viewer) {
        return councils.proposal(id, viewer);
    }

    @Override
    public ProposalView respond(ProposalId id, String response, String reason, BansoUser actor) {
        return councils.respond(id, response, reason, actor);
    }

    @Override
    public ProposalView amend(ProposalId id, String title, String body, Designation designation, BansoUser actor) {
        return councils.amend(id, title, body, designation, actor);
    }

    @Override
    public ProposalView withdraw(ProposalId id, BansoUser actor) {
        return councils.withdraw(id, actor);
    }

    @Override
    public MeetingView scheduleMeeting(CouncilId id, NewMeeting meeting, BansoUser actor) {
        return followUp.scheduleMeeting(id, meeting, actor);
    }

    @Override
    public List<MeetingView> meetings(CouncilId id, BansoUser viewer) {
        return followUp.meetings(id, viewer);
    }

    @Override
    public MeetingView meeting(MeetingId id, BansoUser viewer) {
        return followUp.meeting(id, viewer);
    }

    @Override
    public String meetingCalendar(MeetingId id, BansoUser viewer) {
        return followUp.ical(id, viewer);
    }

    @Override
    public MeetingView recordAttendance(MeetingId id, List<UserId> attendees, UUID minutesItemId, BansoUser actor) {
        return followUp.recordAttendance(id, attendees, minutesItemId, actor);
    }

    @Override
    public TaskView createTask(CouncilId id, NewTask task, BansoUser actor) {
        return followUp.createTask(id, task, actor);
    }

    @Override
    public List<TaskView> tasks(CouncilId id, BansoUser viewer) {
        return followUp.tasks(id, viewer);
    }

    @Override
    public TaskView completeTask(TaskId id, BansoUser actor) {
        return followUp.completeTask(id, actor);
    }

    @Override
    public MaterialRequestView requestMaterials(CouncilId id, NewMaterialRequest request, BansoUser actor) {
        return followUp.requestMaterials(id, request, actor);
    }

    @Override
    public List<MaterialRequestView> materialRequests(CouncilId id, BansoUser viewer) {
        return followUp.materialRequests(id, viewer);
    }

    @Override
    public MaterialRequestView fulfil(MaterialRequestId id, List<UUID> itemIds, BansoUser actor) {
        return followUp.fulfil(id, itemIds, actor);
    }

    @Override
    public MaterialRequestView decline(MaterialRequestId id, String reason, BansoUser actor) {
        return followUp.decline(id, reason, actor);
    }
}
