package org.banso.council;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.UserId;

/**
 * What the council module asks of people, for their personal inbox and reminders (issue 16): the things waiting for
 * one person, and — for the notification module, a system reader — who is concerned by an event. Titles appear only
 * where the person may read them (a signed current pledge, R12); the system-reader methods answer ids, instants and
 * people only, never a title or a text.
 */
public interface CouncilWorklist {

    /**
     * Everything of the councils that waits for this person now, overdue first, then by due time: consents asked of
     * them (R5), proposals awaiting the answer of the participant they represent (R14), pledges to sign or sign again
     * (R12), material requests addressed to their participant (R11), open action items and support requests of their
     * participant or ministry (R9), and meetings of the coming week.
     */
    List<Waiting> waitingFor(BansoUser person, Instant now);

    /** How many of {@link #waitingFor} ask something of the person (meetings are not counted): cheap, for headers. */
    int waitingCount(BansoUser person, Instant now);

    /** Councils proposed by the official's ministry that are not established yet (R5), oldest first. */
    List<CouncilViews.CouncilSummary> notEstablished(BansoUser official);

    // --- for the notification module: who is concerned (system reader) ---

    /** Required consenters (R5) who have not answered yet; empty unless the council is PROPOSED. */
    Set<UserId> consentersNotAnswered(CouncilId council);

    /** Members of the council's current participants (representatives included). */
    Set<UserId> members(CouncilId council);

    /** Members of one participant, also when it has just left; empty when unknown. */
    Set<UserId> membersOf(ParticipantId participant);

    /** Members of current participants who have not signed the current pledge version (R12). */
    Set<UserId> unsignedMembers(CouncilId council);

    /** An open proposal's current revision, deadline and the representatives whose participant has not answered. */
    Optional<ProposalFacts> proposal(ProposalId proposal, Instant now);

    /** Open proposals whose response deadline is at or after {@code from} and before {@code to}. */
    List<ProposalFacts> proposalsDueBetween(Instant from, Instant to);

    Optional<TaskFacts> task(TaskId task);

    /** Open action items and support requests whose due date is before {@code today} (Japan). */
    List<TaskFacts> overdueTasks(LocalDate today);

    Optional<MaterialRequestFacts> materialRequest(MaterialRequestId request);

    /** Unanswered material requests whose due date is before {@code today} (Japan). */
    List<MaterialRequestFacts> overdueMaterialRequests(LocalDate today);

    /** A meeting's times and calendar sequence, and whether it was cancelled. */
    Optional<MeetingFacts> meeting(MeetingId meeting);

    /**
     * @param title   what the person may read of it (null when they may not yet: a pledge must be signed first)
     * @param dueAt   the deadline or start, if any
     * @param overdue past its due date and still open
     * @param path    the page where the action is done
     */
    record Waiting(WaitingKind kind, CouncilId councilId, String councilName, UUID subjectId, String title,
                   Instant dueAt, LocalDate dueDate, boolean overdue, String path) {
    }

    /** @param awaitingRepresentatives representatives of current participants that have not answered the revision */
    record ProposalFacts(ProposalId id, CouncilId councilId, int revision, Instant responseDeadline,
                         Set<UserId> awaitingRepresentatives) {
    }

    /** @param assignees members of the assigned participant, or of the responsible ministry's participant */
    record TaskFacts(TaskId id, CouncilId councilId, LocalDate dueDate, boolean open, Set<UserId> assignees) {
    }

    record MaterialRequestFacts(MaterialRequestId id, CouncilId councilId, LocalDate dueDate, boolean open,
                                Set<UserId> addressees) {
    }

    /** @param sequence the iCalendar SEQUENCE: 0 when scheduled, one more for each change */
    record MeetingFacts(MeetingId id, CouncilId councilId, Instant startsAt, Instant endsAt, int sequence,
                        boolean cancelled) {
    }
}
