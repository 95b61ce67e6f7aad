package org.banso.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.banso.council.CouncilId;
import org.banso.council.CouncilWorklist.MeetingFacts;
import org.banso.council.MeetingCalendars;
import org.banso.council.MeetingId;
import org.junit.jupiter.api.Test;

/**
 * The e-mailed meeting invitation is the council module's event (the one writer, {@link MeetingCalendars}) with only
 * the iTIP METHOD and ORGANIZER added: the same UID, SEQUENCE, STATUS and times as the meeting page's download, so a
 * calendar keeps one entry whichever copy came last (issue 16, RFC 5545/5546).
 */
class MeetingInvitationsTest {

    private static final MeetingId MEETING = new MeetingId(UUID.fromString("0c5d3f5e-2222-4a7b-9c2d-3e4f5a6b7c8d"));
    private static final Instant START = Instant.parse("2026-12-01T01:00:00Z");
    private static final Instant END = Instant.parse("2026-12-01T03:00:00Z");
    private static final Instant STAMP = Instant.parse("2026-11-25T08:30:00Z");
    private static final String LINK = "https://banso.example.jp/meetings/" + MEETING.value();

    @Test
    void anInvitationIsTheDownloadsEventWithMethodRequestAndTheOrganizer() throws Exception {
        MeetingFacts meeting = new MeetingFacts(MEETING, new CouncilId(UUID.randomUUID()), START, END, 2, false);
        Calendar mailed = parse(MeetingInvitations.of(meeting, "会合のお知らせ", LINK, "banso@example.jp", STAMP));
        Calendar downloaded = parse(MeetingCalendars.write(MeetingCalendars.event(MEETING, "第3回 協議会", START, END,
                "中央合同庁舎8号館", null, STAMP, 2, false), null));

        assertThat(mailed.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(downloaded.getProperty(Property.METHOD)).as("a download is no iTIP message").isEmpty();
        VEvent event = event(mailed);
        VEvent same = event(downloaded);
        for (String name : new String[] {Property.UID, Property.SEQUENCE, Property.DTSTART, Property.DTEND}) {
            assertThat(event.getProperty(name).orElseThrow().getValue()).as(name)
                    .isEqualTo(same.getProperty(name).orElseThrow().getValue());
        }
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(MEETING.value() + "@banso");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                .isEqualTo("mailto:banso@example.jp");
        assertThat(event.getProperty(Property.STATUS)).isEmpty();
        assertThat(event.getProperty(Property.LOCATION)).as("no council information in a mail (R12)").isEmpty();
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo("会合のお知らせ");
    }

    @Test
    void aCancellationIsMethodCancelWithStatusCancelledAndTheRaisedSequence() throws Exception {
        MeetingFacts meeting = new MeetingFacts(MEETING, new CouncilId(UUID.randomUUID()), START, END, 3, true);
        Calendar mailed = parse(MeetingInvitations.of(meeting, "会合の中止", LINK, "banso@example.jp", STAMP));

        assertThat(mailed.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = event(mailed);
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("3");
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(MEETING.value() + "@banso");
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static VEvent event(Calendar calendar) {
        assertThat(calendar.getComponents()).hasSize(1);
        return (VEvent) calendar.getComponents().get(0);
    }
}
