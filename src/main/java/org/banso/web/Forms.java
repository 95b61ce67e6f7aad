package org.banso.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.ui.Model;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

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

    /**
     * The form as the person sent it, never null, and in the model beside its errors. When a field does not convert
     * ("abc" for a date) Spring builds the record with that field empty, or — when a component cannot be empty (a
     * {@code boolean}) — none at all, and keeps its binding result apart from it: the model then holds no form (and
     * putting one in later would drop the errors). Here the form is the bound record, or one built from the fields that
     * did convert (the others empty); it is put into the model under the form's name with its binding result again, so
     * that the page and the form's own checks read it as usual while the messages and the summary come from
     * {@code errors} and every input shows what was typed.
     */
    public static <R extends Record> R typed(R form, Class<R> type, BindingResult errors, Model model) {
        if (errors.getTarget() != null) {
            return form;
        }
        R typed = form != null ? form : build(type, errors);
        model.addAttribute(errors.getObjectName(), typed);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + errors.getObjectName(), errors);
        return typed;
    }

    /** The record from the fields that converted; the others empty (false, zero or null). */
    private static <R extends Record> R build(Class<R> type, BindingResult errors) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            types[i] = components[i].getType();
            Object value = errors.hasFieldErrors(name) && errors.getFieldError(name).isBindingFailure() ? null
                    : errors.getFieldValue(name);
            values[i] = ClassUtils.resolvePrimitiveIfNecessary(types[i]).isInstance(value) ? value
                    : types[i] == boolean.class ? Boolean.FALSE : types[i].isPrimitive() ? 0 : null;
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A page form is a record with a canonical constructor: " + type, e);
        }
    }

    /**
     * {@link Errors#rejectValue}, also on the errors of a form that was never built (a field did not convert), where
     * Spring's own would fail for want of an object to read the field from: the error then carries the value as sent.
     */
    public static void rejectValue(Errors errors, String field, String code, Object[] args, String defaultMessage) {
        if (!(errors instanceof BindingResult result) || result.getTarget() != null) {
            errors.rejectValue(field, code, args, defaultMessage);
            return;
        }
        result.addError(new FieldError(result.getObjectName(), field, result.getFieldValue(field), false,
                result.resolveMessageCodes(code, field), args, defaultMessage));
    }

    /** {@link #rejectValue(Errors, String, String, Object[], String)} without arguments or default message. */
    public static void rejectValue(Errors errors, String field, String code) {
        rejectValue(errors, field, code, null, null);
    }

    /**
     * A bound form's submission, the one shape of every form handler: the action runs only when the form bound
     * without errors; a service's refusal lands on the form's fields as {@code refusal} maps it (a refusal that is no
     * form's, such as not-found, propagates). Answers the action's view, or else {@code refused}: the page again,
     * with the form as typed and its errors in the model.
     */
    public static String submit(BindingResult form, Supplier<String> action,
                                Function<BansoException, Refusal> refusal, Supplier<String> refused) {
        if (!form.hasErrors()) {
            try {
                return action.get();
            } catch (BansoException e) {
                refusal.apply(e).into(form);
            }
        }
        return refused.get();
    }

    /** {@link #submit(BindingResult, Supplier, Function, Supplier)}, the service's field names being the form's. */
    public static String submit(BindingResult form, Supplier<String> action, Supplier<String> refused) {
        return submit(form, action, Forms::refusal, refused);
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
                rejectValue(form, field, codes[0], args, english);
                return true;
            } catch (InvalidPropertyException | IllegalArgumentException noSuchField) {
                return false;
            }
        }
    }
}
