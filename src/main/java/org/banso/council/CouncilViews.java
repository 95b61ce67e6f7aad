package org.banso.council;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;

/** Read models of the council module, as the API and the pages show them. */
public final class CouncilViews {

    private CouncilViews() {
    }

    public record CouncilSummary(CouncilId id, String name, CouncilStatus status, OrganizationId competentMinistryId,
                                 Instant proposedAt) {
    }

    /**
     * @param informationManagementDraft for a project's council (R7), the application's draft open/close plan: the
     *                                   draft of the council's first INFORMATION_MANAGEMENT proposal; null otherwise
     */
    public record CouncilView(CouncilId id, String name, CouncilStatus status, OrganizationId competentMinistryId,
                              List<UUID> projectIds, List<UserId> requiredConsenterIds,
                              List<ParticipantView> participants, List<ConsentView> consents, int pledgeVersion,
                              Instant proposedAt, Instant establishedAt, Instant dissolvedAt,
                              String informationManagementDraft) {
    }

    public record ParticipantView(ParticipantId id, OrganizationId organizationId, ParticipantRole role,
                                  UserId representativeId, List<UserId> memberIds, Instant joinedAt) {
    }

    public record ConsentView(UserId userId, ConsentDecision decision, Instant at) {
    }

    /** The current pledge text and the caller's standing. */
    public record PledgeView(CouncilId councilId, int version, String textJa, String textEn, boolean signed,
                             Instant signedAt, boolean dutyContinuesAfterLeaving) {
    }

    public record SignatureView(UserId userId, int version, String language, String textSha256, Instant signedAt,
                                Instant endedAt, SignatureEnd endedReason, boolean dutyContinues) {
    }

    /** The token is shown once, when the invitation is issued; it is not stored. */
    public record IssuedInvitation(InvitationId id, CouncilId councilId, ParticipantRole role, String token,
                                   String acceptPath, Instant expiresAt) {
    }

    /** What an open, revoked or expired invitation stands for (a used one shows nothing). */
    public record InvitationPreview(CouncilId councilId, String councilName, ParticipantRole role,
                                    InvitationState state, Instant expiresAt) {
    }

    /**
     * @param state   where the invitation stands now
     * @param invitee whom it names (null for an older invitation that names nobody)
     */
    public record InvitationView(InvitationId id, ParticipantRole role, UserId createdBy, Instant createdAt,
                                 Instant expiresAt, UserId acceptedBy, Instant acceptedAt, Instant revokedAt,
                                 InvitationState state, Invitations.Invitee invitee) {
    }

    /** @param responseDeadline by when answers are asked for (null = no deadline); past it an open proposal lapses */
    public record ProposalSummary(ProposalId id, CouncilId councilId, Matter matter, String title,
                                  ProposalStatus status, int revision, Instant proposedAt, Instant responseDeadline) {
    }

    /**
     * @param liftsDesignationId the designation the current revision ends early or, with {@code designation},
     *                           narrows (R16); null when none
     * @param reviewWindowDays   the review window for research results the current revision sets (R16); null when
     *                           none
     * @param discussion         the questions and answers under the proposal, oldest first
     */
    public record ProposalView(ProposalId id, CouncilId councilId, Matter matter, ProposalStatus status, int revision,
                               String title, String body, Designation designation, UUID liftsDesignationId,
                               Integer reviewWindowDays, UserId proposedBy, Instant proposedAt,
                               Instant responseDeadline, Instant closedAt, List<RevisionView> revisions,
                               List<ResponseView> responses, List<ParticipantId> awaiting,
                               List<DiscussionView> discussion) {

        /** What the current revision decides about information. */
        public InformationTerms terms() {
            return new InformationTerms(designation, liftsDesignationId, reviewWindowDays);
        }
    }

    public record RevisionView(int revision, String title, String body, Designation designation,
                               UUID liftsDesignationId, Integer reviewWindowDays, Instant responseDeadline,
                               UserId createdBy, Instant createdAt) {

        public InformationTerms terms() {
            return new InformationTerms(designation, liftsDesignationId, reviewWindowDays);
        }
    }

    /** A question or answer under a proposal, by a member of a participant. */
    public record DiscussionView(ParticipantId participantId, UserId authorId, String text, Instant at) {
    }

    public record ResponseView(int revision, ParticipantId participantId, ProposalResponse response, String reason,
                               UserId respondedBy, Instant at) {
    }

    /**
     * @param sequence    the iCalendar SEQUENCE: 0 when scheduled, one more for each change or the cancellation
     * @param cancelledAt when the meeting was called off, or null
     */
    public record MeetingView(MeetingId id, CouncilId councilId, String title, Instant startsAt, Instant endsAt,
                              String place, String link, List<AgendaItem> agenda, List<UserId> attendees,
                              UUID minutesItemId, int sequence, Instant cancelledAt) {
    }

    public record AgendaItem(Matter matter, String title, ProposalId proposalId) {
    }

    /** An action item (R9) or a support request (規制緩和の検討, 国際標準化の支援). */
    public record TaskView(TaskId id, CouncilId councilId, TaskKind kind, ProposalId proposalId,
                           ParticipantId assigneeParticipantId, OrganizationId responsibleMinistryId, String title,
                           String description, LocalDate dueDate, TaskStatus status, boolean overdue, Instant createdAt,
                           Instant doneAt) {
    }

    public record MaterialRequestView(MaterialRequestId id, CouncilId councilId, ParticipantId addresseeParticipantId,
                                      String title, String description, LocalDate dueDate,
                                      MaterialRequestStatus status,
                                      boolean overdue, List<UUID> itemIds, String declineReason, Instant requestedAt,
                                      Instant answeredAt) {
    }
}
