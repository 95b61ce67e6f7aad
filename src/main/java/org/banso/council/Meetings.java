package org.banso.council;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilViews.AgendaItem;
import org.banso.council.CouncilViews.MeetingView;
import org.banso.identity.BansoUser;
import org.banso.identity.UserId;

/**
 * A council's meetings: agendas of the four matters (R8), attendance and minutes. Non-public council information:
 * only pledged participants see them (R12).
 */
public interface Meetings {

    /** The competent ministry schedules a meeting of an established council. */
    MeetingView schedule(CouncilId council, NewMeeting meeting, BansoUser actor);

    List<MeetingView> meetings(CouncilId council, BansoUser viewer);

    MeetingView meeting(MeetingId id, BansoUser viewer);

    /** The meeting as an iCalendar (RFC 5545) event; carries no agenda text. */
    String calendar(MeetingId id, BansoUser viewer);

    /**
     * Who attended — members of the council's current participants only — and the information item holding the
     * minutes (an item of the council the actor may see).
     */
    MeetingView recordAttendance(MeetingId id, List<UserId> attendees, UUID minutesItemId, BansoUser actor);

    /**
     * The competent ministry moves a meeting or changes where it is held; everyone's calendar entry is replaced
     * (iCalendar SEQUENCE raised). {@code conflict} for a cancelled meeting.
     */
    MeetingView reschedule(MeetingId id, Reschedule change, BansoUser actor);

    /** The competent ministry calls a meeting off; calendars remove the entry. {@code conflict} if already off. */
    MeetingView cancel(MeetingId id, BansoUser actor);

    /** For the search module, a system reader (no viewer): a meeting, empty when it does not exist. */
    Optional<MeetingView> forIndex(MeetingId id);

    /** For the search module, a system reader (no viewer): the ids of a council's meetings. */
    List<MeetingId> idsOf(CouncilId council);

    record Reschedule(Instant startsAt, Instant endsAt, String place, String link) {
    }

    record NewMeeting(String title, Instant startsAt, Instant endsAt, String place, String link,
                      List<AgendaItem> agenda) {
    }
}
