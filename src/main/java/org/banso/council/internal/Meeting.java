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
    private final Instant startsAt;
    private final Instant endsAt;
    private final String place;
    private final String link;
    private UUID minutesItemId;
    private final UserId createdBy;
    private final Instant createdAt;
    @MappedCollection(idColumn = "meeting_id")
    private final Set<AgendaEntry> agenda;
    @MappedCollection(idColumn = "meeting_id")
    private final Set<Attendee> attendees;

    @PersistenceCreator
    Meeting(MeetingId id, CouncilId councilId, String title, Instant startsAt, Instant endsAt, String place,
            String link, UUID minutesItemId, UserId createdBy, Instant createdAt, Set<AgendaEntry> agenda,
            Set<Attendee> attendees) {
        this.id = id;
        this.councilId = councilId;
        this.title = title;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = place;
        this.link = link;
        this.minutesItemId = minutesItemId;
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
        Meeting meeting = new Meeting(id, council, title, startsAt, endsAt, place, link, null, by, now,
                Set.copyOf(agenda), Set.of());
        meeting.registerEvent(new CouncilEvents.MeetingScheduled(council, id, by, now));
        return meeting.markNew();
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

    List<AgendaEntry> agenda() {
        return agenda.stream().sorted(Comparator.comparingInt(AgendaEntry::position)).toList();
    }

    List<UserId> attendees() {
        return attendees.stream().map(Attendee::userId).toList();
    }
}
