package org.banso.council.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilViews.AgendaItem;
import org.banso.council.CouncilViews.MeetingView;
import org.banso.council.MeetingId;
import org.banso.council.Meetings;
import org.banso.identity.BansoUser;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of a council's meetings (R8): scheduling with an agenda of the four matters, attendance of the
 * council's people, minutes as an information item, and the iCalendar form for people's calendars.
 */
@Service
class HoldingMeetings implements Meetings {

    private final MeetingRepository meetings;
    private final ProposalRepository proposals;
    private final CouncilAccess access;
    private final CouncilReadModels views;
    private final CouncilItemChecks items;
    private final Clock clock;

    HoldingMeetings(MeetingRepository meetings, ProposalRepository proposals, CouncilAccess access,
                    CouncilReadModels views, CouncilItemChecks items, Clock clock) {
        this.meetings = meetings;
        this.proposals = proposals;
        this.access = access;
        this.views = views;
        this.items = items;
        this.clock = clock;
    }

    @Override
    @Transactional
    public MeetingView schedule(CouncilId id, NewMeeting request, BansoUser actor) {
        Council council = access.visible(id, actor);
        access.pledged(council, actor);
        access.competent(council, actor);
        council.requireEstablished();
        if (request == null) {
            throw BansoException.invalid("title", "must not be blank");
        }
        FieldChecks checks = new FieldChecks().text("title", request.title(), 300);
        String place = blankToNull(request.place());
        String link = blankToNull(request.link());
        checkWhenAndWhere(checks, request.startsAt(), request.endsAt(), place, link);
        List<AgendaItem> agenda = request.agenda() == null ? List.of() : request.agenda();
        List<Meeting.AgendaEntry> entries = new ArrayList<>();
        for (int i = 0; i < agenda.size(); i++) {
            AgendaItem item = agenda.get(i);
            if (item == null || item.matter() == null) {
                checks.add(FieldError.coded("agenda[" + i + "].matter", "one-of", "must be one of the four matters (R8)"));
                continue;
            }
            checks.text("agenda[" + i + "].title", item.title(), 300);
            if (item.proposalId() != null && !proposals.existsByIdAndCouncilId(item.proposalId(), id)) {
                checks.add(new FieldError("agenda[" + i + "].proposalId", "must be a proposal of this council"));
            }
            if (item.title() != null) {
                entries.add(new Meeting.AgendaEntry(i + 1, item.matter(), item.title().strip(), item.proposalId()));
            }
        }
        checks.failIfAny();
        Meeting meeting = council.scheduleMeeting(request.title().strip(), request.startsAt(), request.endsAt(),
                place, link, entries, actor.id(), clock.instant());
        return CouncilReadModels.meeting(meetings.save(meeting));
    }

    @Override
    @Transactional(readOnly = true)
    public List<MeetingView> meetings(CouncilId id, BansoUser viewer) {
        access.pledged(access.visible(id, viewer), viewer);
        return meetings.findByCouncilIdOrderByStartsAt(id).stream().map(CouncilReadModels::meeting).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public MeetingView meeting(MeetingId id, BansoUser viewer) {
        return CouncilReadModels.meeting(readable(id, viewer));
    }

    private Meeting readable(MeetingId id, BansoUser viewer) {
        Meeting meeting = meetings.findById(id).orElseThrow(() -> BansoException.notFound("The meeting"));
        access.pledged(access.visible(meeting.councilId(), viewer, "The meeting"), viewer);
        return meeting;
    }

    @Override
    @Transactional
    public MeetingView reschedule(MeetingId id, Reschedule change, BansoUser actor) {
        Meeting meeting = competentLocked(id, actor);
        if (change == null) {
            throw BansoException.invalid("startsAt", "must not be empty");
        }
        String place = blankToNull(change.place());
        String link = blankToNull(change.link());
        FieldChecks checks = new FieldChecks();
        checkWhenAndWhere(checks, change.startsAt(), change.endsAt(), place, link);
        checks.failIfAny();
        meeting.reschedule(change.startsAt(), change.endsAt(), place, link, actor.id(), clock.instant());
        return CouncilReadModels.meeting(meetings.save(meeting));
    }

    @Override
    @Transactional
    public MeetingView cancel(MeetingId id, BansoUser actor) {
        Meeting meeting = competentLocked(id, actor);
        meeting.cancel(actor.id(), clock.instant());
        return CouncilReadModels.meeting(meetings.save(meeting));
    }

    private Meeting competentLocked(MeetingId id, BansoUser actor) {
        Meeting meeting = meetings.findLockedById(id).orElseThrow(() -> BansoException.notFound("The meeting"));
        Council council = access.visible(meeting.councilId(), actor, "The meeting");
        access.pledged(council, actor);
        access.competent(council, actor);
        return meeting;
    }

    /** A start, an end after it, and a place or an https:// link. */
    private static void checkWhenAndWhere(FieldChecks checks, java.time.Instant startsAt, java.time.Instant endsAt,
                                          String place, String link) {
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            checks.add(FieldError.coded("endsAt", "meeting-end", "a meeting has a start and an end after it"));
        }
        if (place == null && link == null) {
            checks.add(FieldError.coded("place", "meeting-place", "give a place or a link"));
        }
        checks.optionalText("place", place, 300);
        if (link != null && !link.matches("https://\\S{1,990}")) {
            checks.add(FieldError.coded("link", "https-link", "must be an https:// link"));
        }
    }

    /**
     * Attendance: every attendee a member of one of the council's current participants (otherwise the request is
     * refused on {@code attendees} and nothing changes); the minutes an information item of the council the actor may
     * see.
     */
    @Override
    @Transactional
    public MeetingView recordAttendance(MeetingId id, List<UserId> attendees, UUID minutesItemId, BansoUser actor) {
        Meeting meeting = meetings.findLockedById(id).orElseThrow(() -> BansoException.notFound("The meeting"));
        Council council = access.visible(meeting.councilId(), actor, "The meeting");
        access.pledged(council, actor);
        access.competent(council, actor);
        Set<UserId> people = new HashSet<>();
        views.currentParticipants(council).forEach(p -> people.addAll(p.memberIds()));
        meeting.recordAttendance(attendees == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(attendees)),
                people);
        if (minutesItemId != null) {
            items.requireVisibleItems(council.id(), List.of(minutesItemId), actor, "minutesItemId");
            meeting.recordMinutes(minutesItemId, actor.id(), clock.instant());
        }
        return CouncilReadModels.meeting(meetings.save(meeting));
    }

    /** The meeting for people's calendars (RFC 5545, written by iCal4j: escaping and line folding are the library's). */
    @Override
    @Transactional(readOnly = true)
    public String calendar(MeetingId id, BansoUser viewer) {
        Meeting m = readable(id, viewer);
        return MeetingCalendar.of(m.id().value(), m.title(), m.startsAt(), m.endsAt(), m.place(), m.link(),
                clock.instant(), m.sequence(), m.cancelledAt() != null);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MeetingView> forIndex(MeetingId id) {
        return meetings.findById(id).map(CouncilReadModels::meeting);
    }

    @Override
    @Transactional(readOnly = true)
    public List<MeetingId> idsOf(CouncilId council) {
        return meetings.idsOf(council).stream().map(MeetingId::new).toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
