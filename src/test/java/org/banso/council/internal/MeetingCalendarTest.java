package org.banso.council.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The meeting's iCalendar form (RFC 5545), read back with iCal4j's parser. */
class MeetingCalendarTest {

    private static final UUID MEETING = UUID.fromString("0c5d3f5e-1111-4a7b-9c2d-3e4f5a6b7c8d");
    private static final Instant START = Instant.parse("2026-12-01T01:00:00Z");
    private static final Instant END = Instant.parse("2026-12-01T03:00:00Z");
    private static final Instant STAMP = Instant.parse("2026-11-25T08:30:00Z");

    @Test
    void theEventCarriesUidTimesInUtcTitlePlaceAndLink() throws Exception {
        String ics = MeetingCalendar.of(MEETING, "第3回 協議会", START, END, "中央合同庁舎8号館", "https://meet.example.jp/r/3",
                STAMP);

        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("VERSION:2.0\r\n", "PRODID:-//Banso//Council meetings//JA\r\n",
                        "DTSTART:20261201T010000Z\r\n", "DTEND:20261201T030000Z\r\n", "DTSTAMP:20261125T083000Z\r\n",
                        "UID:" + MEETING + "@banso\r\n");
        VEvent event = parse(ics);
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(MEETING + "@banso");
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo("第3回 協議会");
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("中央合同庁舎8号館");
        assertThat(event.getProperty(Property.URL).orElseThrow().getValue()).isEqualTo("https://meet.example.jp/r/3");
    }

    @Test
    void aRescheduledOrCancelledMeetingCarriesItsSequenceSoCalendarsKeepTheNewestCopy() throws Exception {
        VEvent rescheduled = parse(MeetingCalendar.of(MEETING, "会合", START, END, null, null, STAMP, 2, false));
        assertThat(rescheduled.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(rescheduled.getProperty(Property.STATUS)).isEmpty();

        VEvent cancelled = parse(MeetingCalendar.of(MEETING, "会合", START, END, null, null, STAMP, 3, true));
        assertThat(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("3");
        assertThat(cancelled.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void separatorsAndLineBreaksInTextsAreEscapedAndComeBackUnchanged() throws Exception {
        String title = "予算; 人員, 日程 \\ 第2部\n（非公開）";
        String ics = MeetingCalendar.of(MEETING, title, START, END, "A棟; 3F, 会議室\\B", null, STAMP);

        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:予算\\; 人員\\, 日程 \\\\ 第2部\\n（非公開）\r\n");
        VEvent event = parse(ics);
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(title);
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("A棟; 3F, 会議室\\B");
        assertThat(event.getProperty(Property.URL)).isEmpty();
    }

    @Test
    void aLinkWithCharactersAUriMustEscapeStillGivesAnEvent() throws Exception {
        // the council accepts any https:// link without white space; a URI needs some characters escaped
        String ics = MeetingCalendar.of(MEETING, "会合", START, END, null, "https://meet.example.jp/r|3^{x}#会議", STAMP);
        assertThat(parse(ics).getProperty(Property.URL).orElseThrow().getValue())
                .isEqualTo("https://meet.example.jp/r%7C3%5E%7Bx%7D#%E4%BC%9A%E8%AD%B0");
        String escaped = MeetingCalendar.of(MEETING, "会合", START, END, null, "https://meet.example.jp/a%20b", STAMP);
        assertThat(parse(escaped).getProperty(Property.URL).orElseThrow().getValue())
                .isEqualTo("https://meet.example.jp/a%20b");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() throws Exception {
        // RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + one space); Japanese is 3 octets a character
        String title = "経済安全保障重要技術育成プログラム量子センサ社会実装協議会の第十二回定例会合における情報管理方針の審議";
        String ics = MeetingCalendar.of(MEETING, title, START, END, null, null, STAMP);

        String[] lines = ics.split("\r\n", -1);
        assertThat(Arrays.stream(lines).mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length).max().orElseThrow())
                .isLessThanOrEqualTo(75);
        assertThat(Arrays.stream(lines).filter(l -> l.startsWith(" "))).isNotEmpty();
        assertThat(lines).filteredOn(String::isBlank).containsExactly(""); // only after the final CRLF
        assertThat(ics).doesNotContain("\uFFFD");
        assertThat(parse(ics).getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(title);
    }

    @Test
    void aCharacterOutsideTheBmpSurvivesAFoldWhereverItFalls() throws Exception {
        // 𠮷 (U+20BB7) is two UTF-16 units and four octets: a fold must never fall between its two halves
        for (int prefix = 0; prefix < 60; prefix++) {
            String title = "あ".repeat(prefix) + "𠮷野家の会合𠮷";
            String ics = MeetingCalendar.of(MEETING, title, START, END, null, null, STAMP);
            byte[] octets = ics.getBytes(StandardCharsets.UTF_8);
            assertThat(new String(octets, StandardCharsets.UTF_8)).as("prefix %d", prefix).isEqualTo(ics)
                    .doesNotContain("?");
            assertThat(ics.split("\r\n")).as("prefix %d: %s", prefix, ics)
                    .noneMatch(String::isBlank)
                    .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
            assertThat(parse(ics).getProperty(Property.SUMMARY).orElseThrow().getValue()).as("prefix %d", prefix)
                    .isEqualTo(title);
        }
    }

    private static VEvent parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getComponents()).hasSize(1);
        return calendar.getComponents().get(0) instanceof VEvent event ? event : null;
    }
}
