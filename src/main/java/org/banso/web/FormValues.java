package org.banso.web;

import java.util.function.Function;

import org.banso.shared.DateBounds;

/**
 * Reading page form values: a blank or malformed value is absent, and the service then says what is missing. A date
 * outside {@link DateBounds#DEFAULT} (year −999999999 typed into a form) counts as malformed.
 */
public final class FormValues {

    private FormValues() {
    }

    public static <T> T parse(String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            T parsed = parser.apply(value.strip());
            return DateBounds.DEFAULT.containsTemporal(parsed) ? parsed : null;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return null;
        }
    }
}
