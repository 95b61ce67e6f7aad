package org.banso.shared;

import java.util.ArrayList;
import java.util.List;

import org.banso.shared.BansoException.FieldError;

/**
 * Collects the field errors of one request so that a refusal lists every problem at once, with the codes pages
 * translate. Usage: {@code var checks = new FieldChecks(); checks.text("name", name, 200); …; checks.failIfAny();}
 */
public final class FieldChecks {

    private final List<FieldError> errors = new ArrayList<>();

    /** A required text of at most {@code max} characters (after trimming). */
    public FieldChecks text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.coded(field, "required", "must not be blank"));
        } else {
            optionalText(field, value.strip(), max);
        }
        return this;
    }

    /** An optional text of at most {@code max} characters. */
    public FieldChecks optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.coded(field, "too-long", "must be at most " + max + " characters", max));
        }
        return this;
    }

    public FieldChecks add(FieldError error) {
        errors.add(error);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Refuses the request with {@code validation-failed} listing every error, if there is any. */
    public void failIfAny(String detail) {
        if (!errors.isEmpty()) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, detail, errors);
        }
    }

    public void failIfAny() {
        failIfAny("The request is not valid.");
    }
}
