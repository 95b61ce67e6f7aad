package org.banso.web;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;

/**
 * Puts a service's refusal onto a page form's {@link BindingResult}, beside Bean Validation's own errors, so that the
 * page comes back with what was typed, each message next to its field and all of them in the error summary.
 * <p>
 * A field error the service coded is worded from {@code validation.<code>} with the service's arguments; an uncoded
 * one from {@code validation.invalid} (which may quote the service's English text on English pages only). A refusal
 * without field errors goes onto the field named for its problem code, else it is a form-wide error worded from
 * {@code problem.<code>}. The summary labels each field from {@code <form name>.<field>}.
 * <p>
 * Not-found and the refusals that say the person may not act at all (forbidden, not a participant, pledge required,
 * unauthenticated) are not form errors: they are thrown again for the error page, which says why.
 */
public final class Forms {

    private static final List<ProblemCode> NOT_FORM_ERRORS = List.of(ProblemCode.NOT_FOUND, ProblemCode.FORBIDDEN,
            ProblemCode.NOT_A_PARTICIPANT, ProblemCode.PLEDGE_REQUIRED, ProblemCode.UNAUTHENTICATED);

    private Forms() {
    }

    /**
     * A message of the bundles with its arguments, worded when the page renders: a result notice ("「…」を廃止しました")
     * kept across the redirect, a confirmation's text.
     */
    public static MessageSourceResolvable text(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args);
    }

    /** The refusal onto the form, its field names as the service says them. */
    public static void reject(BindingResult form, BansoException refusal) {
        refusal(refusal).into(form);
    }

    /** A refusal to map onto a form whose field names or problem codes need translating first. */
    public static Refusal refusal(BansoException refusal) {
        return new Refusal(refusal);
    }

    /** How a service's refusal lands on one form. */
    public static final class Refusal {

        private final BansoException refusal;
        private final Map<String, String> renamed = new HashMap<>();
        private final Map<ProblemCode, String> fieldOfCode = new EnumMap<>(ProblemCode.class);

        private Refusal(BansoException refusal) {
            this.refusal = refusal;
        }

        /** The service's field {@code serviceField} is the form's {@code formField}. */
        public Refusal rename(String serviceField, String formField) {
            renamed.put(serviceField, formField);
            return this;
        }

        /** A refusal with this code and no field errors is about the form's {@code field} (insufficient funds → amount). */
        public Refusal onField(ProblemCode code, String field) {
            fieldOfCode.put(code, field);
            return this;
        }

        public void into(BindingResult form) {
            if (NOT_FORM_ERRORS.contains(refusal.code())) {
                throw refusal;
            }
            if (refusal.errors().isEmpty()) {
                String field = fieldOfCode.get(refusal.code());
                String[] codes = {"problem." + refusal.code().code()};
                if (field == null || !onField(form, field, codes, null, refusal.getMessage())) {
                    form.reject(codes[0], null, refusal.getMessage());
                }
                return;
            }
            for (BansoException.FieldError error : refusal.errors()) {
                String field = renamed.getOrDefault(error.field(), error.field());
                boolean coded = error.code() != null;
                String code = coded ? "validation." + error.code() : "validation.invalid";
                Object[] args = coded ? error.args().toArray() : new Object[] {error.message()};
                if (!onField(form, field, new String[] {code}, args, error.message())) {
                    form.reject(code, args, error.message());
                }
            }
        }

        /** False when the form has no such field: the error then stands for the whole form. */
        private static boolean onField(BindingResult form, String field, String[] codes, Object[] args,
                                       String english) {
            try {
                form.rejectValue(field, codes[0], args, english);
                return true;
            } catch (InvalidPropertyException | IllegalArgumentException noSuchField) {
                return false;
            }
        }
    }
}
