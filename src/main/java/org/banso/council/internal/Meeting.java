package org.banso.council.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.Matter;
import org.banso.council.MeetingId;
import org.banso.council.ProposalId;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A council meeting with an agenda whose items are each one of the four matters (R8), and afterwards who attended and
 * the information item holding its minutes. Only people of the council's current participants can have attended.
 */
@Table("council_meeting")
class Meeting extends Aggregate<Meeting, MeetingId> {

    @Id
    private final MeetingId id;
    private final CouncilId councilId;
    private final String title;
    private Instant startsAt;
    private Instant endsAt;
    private String place;
    private String link;
    private UUID minutesItemId;
    /** iCalendar SEQUENCE (RFC 5545): 0 when scheduled, one more for each change, so calendars replace the entry. */
    private int sequence;
    private Instant cancelledAt;
    private UserId cancelledBy;
    private final UserId createdBy;
    private final Instant createdAt;
    @MappedCollection(idColumn = "meeting_id")
    private final Set<AgendaEntry> agenda;
    @MappedCollection(idColumn = "meeting_id")
    private final Set<Attendee> attendees;

    @PersistenceCreator
    Meeting(MeetingId id, CouncilId councilId, String title, Instant startsAt, Instant endsAt, String place,
            String link, UUID minutesItemId, int sequence, Instant cancelledAt, UserId cancelledBy,
            UserId createdBy, Instant createdAt, Set<AgendaEntry> agenda, Set<Attendee> attendees) {
        this.id = id;
        this.councilId = councilId;
        this.title = title;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = place;
        this.link = link;
        this.minutesItemId = minutesItemId;
        this.sequence = sequence;
        this.cancelledAt = cancelledAt;
        this.cancelledBy = cancelledBy;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.agenda = new LinkedHashSet<>(agenda);
        this.attendees = new LinkedHashSet<>(attendees);
    }

    /** An agenda item at its position: one of the four matters (R8), optionally about a proposal. */
    @Table("council_agenda_item")
    record AgendaEntry(int position, Matter matter, String title, ProposalId proposalId) {
    }

    @Table("council_attendance")
    record Attendee(UserId userId) {
    }

    /** Made by {@link Council#scheduleMeeting}; the caller has checked the fields and the agenda's proposals. */
    static Meeting schedule(MeetingId id, CouncilId council, String title, Instant startsAt, Instant endsAt,
                            String place, String link, List<AgendaEntry> agenda, UserId by, Instant now) {
        Meeting meeting = new Meeting(id, council, title, startsAt, endsAt, place, link, null, 0, null, null, by,
                now, Set.copyOf(agenda), Set.of());
        meeting.registerEvent(new CouncilEvents.MeetingScheduled(council, id, by, now));
        return meeting.markNew();
    }

    /**
     * Moves the meeting (or changes where it is held); the caller has checked the fields. Each change raises the
     * sequence so that every calendar holding the invitation replaces its entry. A cancelled meeting stays cancelled.
     */
    void reschedule(Instant newStart, Instant newEnd, String newPlace, String newLink, UserId by, Instant now) {
        requireNotCancelled();
        startsAt = newStart;
        endsAt = newEnd;
        place = newPlace;
        link = newLink;
        sequence++;
        registerEvent(new CouncilEvents.MeetingRescheduled(councilId, id, sequence, by, now));
    }

    /** Calls the meeting off; calendars remove the entry (iCalendar METHOD:CANCEL with a higher sequence). */
    void cancel(UserId by, Instant now) {
        requireNotCancelled();
        cancelledAt = now;
        cancelledBy = by;
        sequence++;
        registerEvent(new CouncilEvents.MeetingCancelled(councilId, id, sequence, by, now));
    }

    private void requireNotCancelled() {
        if (cancelledAt != null) {
            throw new BansoException(ProblemCode.CONFLICT, "The meeting was cancelled.");
        }
    }

    /**
     * Who attended: every one of them a member of one of the council's current participants, or the request is
     * refused and nothing changes.
     *
     * @param currentMembers the people of the council's current participants
     */
    void recordAttendance(List<UserId> people, Set<UserId> currentMembers) {
        for (UserId person : people) {
            if (person == null) {
                throw BansoException.invalid("attendees", "must name people");
            }
            if (!currentMembers.contains(person)) {
                throw BansoException.invalid("attendees",
                        "must name people of the council's current participants");
            }
        }
        attendees.clear();
        people.stream().distinct().map(Attendee::new).forEach(attendees::add);
    }

    /** The information item holding the minutes; the caller has checked it is an item of the council. */
    void recordMinutes(UUID item, UserId by, Instant now) {
        minutesItemId = item;
        registerEvent(new CouncilEvents.MeetingMinutesRecorded(councilId, id, item, by, now));
    }

    @Override
    public MeetingId getId() {
        return id;
    }

    MeetingId id() {
        return id;
    }

    CouncilId councilId() {
        return councilId;
    }

    String title() {
        return title;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return endsAt;
    }

    String place() {
        return place;
    }

    String link() {
        return link;
    }

    UUID minutesItemId() {
        return minutesItemId;
    }

    int sequence() {
        return sequence;
    }

    Instant cancelledAt() {
        return cancelledAt;
    }

    List<AgendaEntry> agenda() {
        return agenda.stream().sorted(Comparator.comparingInt(AgendaEntry::position)).toList();
    }

    List<UserId> attendees() {
        return attendees.stream().map(Attendee::userId).toList();
    }
}
