package org.banso.notification.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.validate.ValidationException;
import org.banso.council.CouncilWorklist.MeetingFacts;

/**
 * The iCalendar (RFC 5545, iTIP RFC 5546) invitation a meeting's e-mail carries, written with iCal4j (escaping, CRLF
 * and line folding are the library's). The UID is the meeting's, so every later copy — a change with a higher
 * SEQUENCE and METHOD:REQUEST, or the cancellation with METHOD:CANCEL and STATUS:CANCELLED — replaces the same entry
 * in the person's calendar. Like the mail, it says only what a mail may: the kind of event, the council's name for its
 * members, the times and the link; never the meeting's title, place or agenda (council information, R12).
 */
final class MeetingInvitations {

    static final String PRODUCT = "-//Banso//Council meetings//JA";

    /**
     * iCal4j folds after a number of UTF-16 units, RFC 5545 §3.1 asks for lines of at most 75 octets: a unit is at
     * most 3 octets of UTF-8, so 25 units keep every line of Japanese text within 75 octets.
     */
    static final int FOLD_UNITS = 25;

    private MeetingInvitations() {
    }

    /**
     * @param summary what the entry is called in the calendar (the kind of event, and the council's name for members)
     * @param link      the meeting's page
     * @param organizer the sender's e-mail address
     * @param stamp   when this copy was made (DTSTAMP)
     */
    static String of(MeetingFacts meeting, String summary, String link, String organizer, Instant stamp) {
        VEvent event = new VEvent(meeting.startsAt(), meeting.endsAt(), summary);
        event.add(new Uid(meeting.id().value() + "@banso"));
        // the constructor stamps the event with the system time; the stamp is the injected clock's
        event.replace(new DtStamp(stamp));
        event.add(new Sequence(meeting.sequence()));
        event.add(new Url(URI.create(link)));
        event.add(new Description(link));
        // iTIP (RFC 5546) requests and cancellations name their organizer: Banso's sender address
        event.add(new Organizer(URI.create("mailto:" + organizer)));
        if (meeting.cancelled()) {
            event.add(new Status(Status.VALUE_CANCELLED));
        }
        Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults()
                .withProperty(new Method(meeting.cancelled() ? Method.VALUE_CANCEL : Method.VALUE_REQUEST))
                .withComponent(event).getFluentTarget();
        StringWriter ics = new StringWriter();
        try {
            new CalendarOutputter(true, FOLD_UNITS).output(calendar, ics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("The meeting is not a valid iCalendar event: " + e.getMessage(), e);
        }
        return ics.toString();
    }
}
