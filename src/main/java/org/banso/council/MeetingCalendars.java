package org.banso.council;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * The one iCalendar (RFC 5545) writer of council meetings, with iCal4j: text escaping, CRLF line ends and the folding
 * of long lines are the library's. The meeting page's download and the e-mailed invitation (notification module) take
 * the same event — the meeting's UID, its SEQUENCE (raised by every reschedule and the cancellation) and
 * STATUS:CANCELLED — so that a calendar keeps the newest copy whichever way it came; the e-mail adds only the iTIP
 * METHOD and its ORGANIZER. Times are UTC ({@code 20261201T010000Z}), so no time-zone definition is needed.
 */
public final class MeetingCalendars {

    public static final String PRODUCT = "-//Banso//Council meetings//JA";

    /**
     * iCal4j folds after a number of UTF-16 units, RFC 5545 §3.1 asks for lines of at most 75 octets: a unit is at
     * most 3 octets of UTF-8 (a character outside the BMP is 4 octets in 2 units), so 25 units keep every line of
     * Japanese text within 75 octets. ASCII lines fold earlier than they must, which every reader unfolds.
     */
    public static final int FOLD_UNITS = 25;

    private MeetingCalendars() {
    }

    /**
     * @param summary   what the entry is called: the meeting's title for a download, the kind of event (and the
     *                  council's name for members) in an e-mail, which never carries council information (R12)
     * @param place     where it is held, or null
     * @param link      an absolute link (the online meeting, or the meeting's page), or null
     * @param stamp     when this copy was made (DTSTAMP), from the caller's clock
     * @param sequence  the meeting's revision (SEQUENCE)
     * @param cancelled the meeting was called off (STATUS:CANCELLED)
     */
    public static VEvent event(MeetingId meeting, String summary, Instant start, Instant end, String place,
                               String link, Instant stamp, int sequence, boolean cancelled) {
        VEvent event = new VEvent(start, end, summary);
        event.add(new Uid(meeting.value() + "@banso"));
        event.add(new Sequence(sequence));
        if (cancelled) {
            event.add(new Status(Status.VALUE_CANCELLED));
        }
        // the constructor stamps the event with the system time; the stamp is the caller's clock's
        event.replace(new DtStamp(stamp));
        if (place != null) {
            event.add(new Location(place));
        }
        if (link != null) {
            event.add(new Url(uri(link)));
        }
        return event;
    }

    /**
     * The event as an iCalendar object.
     *
     * @param method the iTIP method (RFC 5546) of an e-mailed copy, REQUEST or CANCEL; null for a download
     */
    public static String write(VEvent event, Method method) {
        Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults().withComponent(event).getFluentTarget();
        if (method != null) {
            calendar = calendar.withProperty(method).getFluentTarget();
        }
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

    /**
     * The link as an ASCII URI (RFC 3986). The council accepts any {@code https://} link without white space, which may
     * hold characters a URI must escape ({@code |}, {@code ^}, {@code {}}, non-ASCII): those are escaped; what is
     * escaped already stays as it is (escaping it again would double its {@code %}s).
     */
    private static URI uri(String link) {
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException notYetAUri) {
            int colon = link.indexOf(':');
            int hash = link.indexOf('#', colon + 1);
            try {
                uri = new URI(link.substring(0, colon), hash < 0 ? link.substring(colon + 1)
                        : link.substring(colon + 1, hash), hash < 0 ? null : link.substring(hash + 1));
            } catch (URISyntaxException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("Not a link: " + link, e);
            }
        }
        return URI.create(uri.toASCIIString());
    }
}
