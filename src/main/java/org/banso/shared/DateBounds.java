package org.banso.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The range every date a request carries must fall in (configured as {@code banso.web.earliest-date} and
 * {@code banso.web.latest-date}, by default 2000-01-01 … 2200-12-31). Dates outside it are refused at the edge with
 * {@code 400 validation-failed} (code {@code date-range}); nothing far outside the database's range or the rules'
 * arithmetic (a designation from year −999999999) ever reaches a service.
 */
public record DateBounds(LocalDate earliest, LocalDate latest) {

    /** The default range; pages that parse dates themselves check against it. */
    public static final DateBounds DEFAULT = new DateBounds(LocalDate.of(2000, 1, 1), LocalDate.of(2200, 12, 31));

    /** The field error code pages translate ({@code validation.date-range}). */
    public static final String CODE = "date-range";

    public boolean contains(LocalDate date) {
        return date == null || !date.isBefore(earliest) && !date.isAfter(latest);
    }

    /** Whether an instant, read as a date in UTC ±14 h, lies within the range. */
    public boolean contains(Instant instant) {
        if (instant == null) {
            return true;
        }
        if (instant.isBefore(earliest.atStartOfDay(ZoneOffset.MAX).toInstant())
                || instant.isAfter(latest.plusDays(1).atStartOfDay(ZoneOffset.MIN).toInstant())) {
            return false;
        }
        return true;
    }

    /** Any of the date and time types a request may bind to; other values are not dates and pass. */
    public boolean containsTemporal(Object value) {
        if (value instanceof Instant i) {
            return contains(i);
        }
        if (value instanceof LocalDate d) {
            return contains(d);
        }
        if (value instanceof LocalDateTime t) {
            return contains(t.toLocalDate());
        }
        if (value instanceof OffsetDateTime t) {
            return contains(t.toInstant());
        }
        if (value instanceof ZonedDateTime t) {
            return contains(t.toInstant());
        }
        return true;
    }

    /** A field error naming the range, for services and the edge alike. */
    public BansoException.FieldError error(String field) {
        return BansoException.FieldError.coded(field, CODE, "must be a date between " + earliest + " and " + latest,
                earliest.toString(), latest.toString());
    }
}
