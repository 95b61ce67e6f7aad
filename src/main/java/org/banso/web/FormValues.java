package org.banso.web;

import java.util.function.Function;

/** Reading page form values: a blank or malformed value is absent, and the service then says what is missing. */
public final class FormValues {

    private FormValues() {
    }

    public static <T> T parse(String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
