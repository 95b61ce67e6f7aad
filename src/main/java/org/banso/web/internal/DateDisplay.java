package org.banso.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.banso.web.DateFormats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows stored UTC instants in Japan time, as officials read them: Japanese pages give the era year with the
 * Western year ({@code 令和8年（2026年）11月25日 17:00}), English pages ISO-like dates. Templates use {@code @dates}.
 */
@Component("dates")
class DateDisplay {

    private final Clock clock;
    private final MessageSource messages;

    DateDisplay(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    /** The current instant from the application clock. */
    public Instant now() {
        return clock.instant();
    }

    private static final ZoneId JAPAN = DateFormats.JAPAN;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public String date(Instant instant) {
        return instant == null ? "" : date(instant, LocaleContextHolder.getLocale());
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        ZonedDateTime local = instant.atZone(JAPAN);
        return date(instant, locale) + " " + TIME.format(local) + (isJapanese(locale) ? "" : " JST");
    }

    /**
     * The time left until {@code deadline} from the application clock, in the page's language ("あと3日4時間",
     * "3 days 4 hours left"); once it has passed, that it has. Days and hours while a day or more is left, then hours
     * and minutes.
     */
    public String remaining(Instant deadline) {
        if (deadline == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return messages.getMessage("time.passed", null, locale);
        }
        if (left.toDays() >= 1) {
            return messages.getMessage("time.left.days", new Object[] {left.toDays(), left.toHoursPart()}, locale);
        }
        if (left.toHours() >= 1) {
            return messages.getMessage("time.left.hours", new Object[] {left.toHours(), left.toMinutesPart()},
                    locale);
        }
        return messages.getMessage("time.left.minutes", new Object[] {Math.max(1, left.toMinutes())}, locale);
    }

    /** Whether {@code deadline} has passed by the application clock. */
    public boolean passed(Instant deadline) {
        return deadline != null && !clock.instant().isBefore(deadline);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(JAPAN));
    }

    static String date(Instant instant, Locale locale) {
        return DateFormats.date(instant, locale);
    }

    private static boolean isJapanese(Locale locale) {
        return "ja".equals(locale.getLanguage());
    }
}
