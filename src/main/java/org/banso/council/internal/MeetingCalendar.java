package org.banso.council.internal;

import java.time.Instant;
import java.util.UUID;

import org.banso.council.MeetingCalendars;
import org.banso.council.MeetingId;

/**
 * A council meeting as an iCalendar (RFC 5545) object for people's calendars, through the one writer
 * ({@link MeetingCalendars}). It carries the title, place and link only — never the agenda, which is non-public
 * council information (R12).
 */
final class MeetingCalendar {

    private MeetingCalendar() {
    }

    /**
     * @param place where it is held, or null
     * @param link  the online meeting's address, or null; must be an absolute URI
     * @param stamp when this copy was made (DTSTAMP)
     */
    static String of(UUID meeting, String title, Instant start, Instant end, String place, String link,
                     Instant stamp) {
        return of(meeting, title, start, end, place, link, stamp, 0, false);
    }

    /**
     * @param sequence  the meeting's revision (SEQUENCE), raised by every reschedule and the cancellation, so that a
     *                  calendar keeps the newest copy, whether it came by e-mail or from this download
     * @param cancelled the meeting was called off (STATUS:CANCELLED)
     */
    static String of(UUID meeting, String title, Instant start, Instant end, String place, String link,
                     Instant stamp, int sequence, boolean cancelled) {
        return MeetingCalendars.write(MeetingCalendars.event(new MeetingId(meeting), title, start, end, place, link,
                stamp, sequence, cancelled), null);
    }
}
