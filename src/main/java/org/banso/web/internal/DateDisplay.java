package org.banso.web.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows stored UTC instants in Japan time, as officials read them: Japanese pages give the era year with the
 * Western year ({@code 令和8年（2026年）11月25日 17:00}), English pages ISO-like dates. Templates use {@code @dates}.
 */
@Component("dates")
class DateDisplay {

    private final Clock clock;

    DateDisplay(Clock clock) {
        this.clock = clock;
    }

    /** The current instant from the application clock. */
    public Instant now() {
        return clock.instant();
    }

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter ERA_NAME = DateTimeFormatter.ofPattern("GGGG", Locale.JAPAN);
    private static final DateTimeFormatter JA_REST = DateTimeFormatter.ofPattern("M月d日", Locale.JAPAN);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
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

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(JAPAN));
    }

    static String date(Instant instant, Locale locale) {
        ZonedDateTime local = instant.atZone(JAPAN);
        if (isJapanese(locale)) {
            JapaneseDate era = JapaneseDate.from(local.toLocalDate());
            int yearOfEra = era.get(ChronoField.YEAR_OF_ERA);
            return ERA_NAME.format(era) + (yearOfEra == 1 ? "元" : String.valueOf(yearOfEra)) + "年"
                    + "（" + local.getYear() + "年）" + JA_REST.format(local);
        }
        return EN_DATE.format(local);
    }

    private static boolean isJapanese(Locale locale) {
        return "ja".equals(locale.getLanguage());
    }
}
