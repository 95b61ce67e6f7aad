package org.banso.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.banso.shared.DateBounds;

/**
 * A date or time typed into a page form lies within {@link DateBounds#DEFAULT} (2000-01-01 … 2200-12-31), as the
 * edge demands of every date an API request carries. Null passes (say {@code @NotNull} where a value is required).
 * Pages word it from {@code WithinDateBounds} in the bundles.
 */
@Documented
@Constraint(validatedBy = WithinDateBounds.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface WithinDateBounds {

    String message() default "must be a date between 2000-01-01 and 2200-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check itself, for any of the date and time types forms bind to. */
    class Check implements ConstraintValidator<WithinDateBounds, Object> {

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return DateBounds.DEFAULT.containsTemporal(value);
        }
    }
}
