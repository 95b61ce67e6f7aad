package org.banso.notification.internal;

import java.net.URI;
import java.time.Instant;

import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import org.banso.council.CouncilWorklist.MeetingFacts;
import org.banso.council.MeetingCalendars;

/**
 * The iCalendar (RFC 5545, iTIP RFC 5546) invitation a meeting's e-mail carries: the council module's event for the
 * meeting ({@link MeetingCalendars}, the same UID, SEQUENCE and STATUS as the meeting page's download), to which the
 * e-mail adds only the iTIP METHOD — REQUEST for an invitation or a change, CANCEL for the cancellation — and its
 * ORGANIZER, so that every later copy replaces the same entry in the person's calendar. Like the mail, it says only
 * what a mail may: the kind of event, the council's name for its members, the times and the link; never the meeting's
 * title, place or agenda (council information, R12).
 */
final class MeetingInvitations {

    private MeetingInvitations() {
    }

    /**
     * @param summary   what the entry is called in the calendar (the kind of event, and the council's name for members)
     * @param link      the meeting's page
     * @param organizer the sender's e-mail address
     * @param stamp     when this copy was made (DTSTAMP)
     */
    static String of(MeetingFacts meeting, String summary, String link, String organizer, Instant stamp) {
        VEvent event = MeetingCalendars.event(meeting.id(), summary, meeting.startsAt(), meeting.endsAt(), null, link,
                stamp, meeting.sequence(), meeting.cancelled());
        // iTIP (RFC 5546) requests and cancellations name their organizer: Banso's sender address
        event.add(new Organizer(URI.create("mailto:" + organizer)));
        return MeetingCalendars.write(event, new Method(meeting.cancelled() ? Method.VALUE_CANCEL
                : Method.VALUE_REQUEST));
    }
}
