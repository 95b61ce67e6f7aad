package org.banso.council;

import java.time.Instant;

import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.shared.AuditedEvent;

/**
 * What the council module tells the others, in the past tense, published inside the business transaction (the audit
 * and search modules follow through Spring Modulith's event publication registry). Every event names who acted
 * ({@code by}) and when ({@code at}); none carries a proposal's body or any document content.
 */
public final class CouncilEvents {

    private CouncilEvents() {
    }

    /** Common shape of every council event; each one belongs in the transparency log (R17). */
    public interface CouncilEvent extends AuditedEvent {
        CouncilId council();

        UserId by();

        Instant at();
    }

    public record CouncilProposed(CouncilId council, OrganizationId competentMinistry, UserId by, Instant at)
            implements CouncilEvent {
    }

    public record ConsentRecorded(CouncilId council, ConsentDecision decision, UserId by, Instant at)
            implements CouncilEvent {
    }

    public record CouncilEstablished(CouncilId council, UserId by, Instant at) implements CouncilEvent {
    }

    public record CouncilDissolved(CouncilId council, UserId by, Instant at) implements CouncilEvent {
    }

    public record ParticipantJoined(CouncilId council, ParticipantId participant, OrganizationId organization,
                                    ParticipantRole role, UserId by, Instant at) implements CouncilEvent {
    }

    public record MemberAdded(CouncilId council, ParticipantId participant, UserId member, UserId by, Instant at)
            implements CouncilEvent {
    }

    public record ParticipantLeft(CouncilId council, ParticipantId participant, UserId by, Instant at)
            implements CouncilEvent {
    }

    public record InvitationIssued(CouncilId council, InvitationId invitation, Instant expiresAt, UserId by, Instant at)
            implements CouncilEvent {
    }

    public record InvitationRevoked(CouncilId council, InvitationId invitation, UserId by, Instant at)
            implements CouncilEvent {
    }

    public record InvitationAccepted(CouncilId council, InvitationId invitation, ParticipantId participant, UserId by,
                                     Instant at) implements CouncilEvent {
    }

    public record PledgeVersionPublished(CouncilId council, int version, UserId by, Instant at) implements CouncilEvent {
    }

    public record PledgeSigned(CouncilId council, int version, String textSha256, UserId by, Instant at)
            implements CouncilEvent {
    }

    public record PledgeRevoked(CouncilId council, int version, UserId by, Instant at) implements CouncilEvent {
    }

    /** @param responseDeadline by when every participant is asked to answer (null = no deadline), for reminders */
    public record ProposalSubmitted(CouncilId council, ProposalId proposal, Matter matter, boolean withDesignation,
                                    Instant responseDeadline, UserId by, Instant at) implements CouncilEvent {
    }

    public record ProposalAnswered(CouncilId council, ProposalId proposal, int revision, ParticipantId participant,
                                   ProposalResponse response, UserId by, Instant at) implements CouncilEvent {
    }

    /** Everyone is asked again; @param responseDeadline the deadline now in force (kept or new; null = none) */
    public record ProposalAmended(CouncilId council, ProposalId proposal, int revision, Instant responseDeadline,
                                  UserId by, Instant at) implements CouncilEvent {
    }

    /** The proposal's designation, if any, took effect in the same transaction. */
    public record ProposalAdopted(CouncilId council, ProposalId proposal, int revision, boolean withDesignation,
                                  UserId by, Instant at) implements CouncilEvent {
    }

    /** A question or an answer was posted under the proposal (never its text). */
    public record ProposalDiscussed(CouncilId council, ProposalId proposal, ParticipantId participant, UserId by,
                                    Instant at) implements CouncilEvent {
    }

    public record ProposalWithdrawn(CouncilId council, ProposalId proposal, UserId by, Instant at)
            implements CouncilEvent {
    }

    public record MeetingScheduled(CouncilId council, MeetingId meeting, UserId by, Instant at) implements CouncilEvent {
    }

    /** The meeting moved or changed place; {@code sequence} is its new iCalendar SEQUENCE. */
    public record MeetingRescheduled(CouncilId council, MeetingId meeting, int sequence, UserId by, Instant at)
            implements CouncilEvent {
    }

    public record MeetingCancelled(CouncilId council, MeetingId meeting, int sequence, UserId by, Instant at)
            implements CouncilEvent {
    }

    public record MeetingMinutesRecorded(CouncilId council, MeetingId meeting, java.util.UUID minutesItemId, UserId by,
                                         Instant at) implements CouncilEvent {
    }

    public record TaskAssigned(CouncilId council, TaskId task, TaskKind kind, UserId by, Instant at)
            implements CouncilEvent {
    }

    public record TaskCompleted(CouncilId council, TaskId task, UserId by, Instant at) implements CouncilEvent {
    }

    public record MaterialsRequested(CouncilId council, MaterialRequestId request, ParticipantId addressee, UserId by,
                                     Instant at) implements CouncilEvent {
    }

    public record MaterialsProvided(CouncilId council, MaterialRequestId request, int itemCount, UserId by, Instant at)
            implements CouncilEvent {
    }

    public record MaterialRequestDeclined(CouncilId council, MaterialRequestId request, UserId by, Instant at)
            implements CouncilEvent {
    }
}
