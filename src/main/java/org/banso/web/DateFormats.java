package org.banso.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Dates as officials write them, in Japan time: Japanese gives the era year with the Western year
 * ({@code 令和8年（2026年）11月25日}, the first year of an era as 元年), English {@code 25 Nov 2026}. For pages, PDFs and
 * exports alike.
 */
public final class DateFormats {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter ERA_NAME = DateTimeFormatter.ofPattern("GGGG", Locale.JAPAN);
    private static final DateTimeFormatter JA_MONTH_DAY = DateTimeFormatter.ofPattern("M月d日", Locale.JAPAN);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private DateFormats() {
    }

    public static String date(Instant instant, Locale locale) {
        ZonedDateTime local = instant.atZone(JAPAN);
        if ("ja".equals(locale.getLanguage())) {
            JapaneseDate era = JapaneseDate.from(local.toLocalDate());
            int yearOfEra = era.get(ChronoField.YEAR_OF_ERA);
            return ERA_NAME.format(era) + (yearOfEra == 1 ? "元" : String.valueOf(yearOfEra)) + "年"
                    + "（" + local.getYear() + "年）" + JA_MONTH_DAY.format(local);
        }
        return EN_DATE.format(local);
    }
}
