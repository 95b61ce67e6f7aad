package org.banso.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Turns a refused request into messages a page can show beside its fields, in the page's language: coded field
 * errors are translated from {@code validation.<code>}, others keep the service's English text. Also the bean
 * ({@code @fieldErrorMessages}) through which the error summary and field messages of {@code fragments/error-summary}
 * word a form's errors.
 */
@Component
public class FieldErrorMessages {

    private final MessageSource messages;

    FieldErrorMessages(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Field name → message; a problem without field errors is under {@code global}, worded from
     * {@code problem.<code>} in the page's language when a bundle has it.
     */
    public Map<String, String> byField(BansoException e) {
        Locale language = LocaleContextHolder.getLocale();
        Map<String, String> byField = new LinkedHashMap<>();
        for (BansoException.FieldError error : e.errors()) {
            // an uncoded error keeps the service's sentence here: the pages still on this path (council forms,
            // unified by another change) show it as before; bound forms word it through Forms
            String text = error.code() == null ? error.message() : fieldMessage(error, language);
            byField.merge(error.field(), text, (a, b) -> a + " " + b);
        }
        if (byField.isEmpty()) {
            byField.put("global", problemText(e.code(), e.getMessage(), language));
        }
        return byField;
    }

    /**
     * The one wording of a service's field error, for pages and the API's problem details alike: a coded error from
     * {@code validation.<code>} with the service's arguments, an uncoded one from {@code validation.invalid} (which
     * quotes the service's English sentence in English only).
     */
    public String fieldMessage(BansoException.FieldError error, Locale language) {
        return error.code() == null
                ? messages.getMessage("validation.invalid", new Object[] {error.message()}, error.message(), language)
                : messages.getMessage("validation." + error.code(), error.args().toArray(), error.message(),
                language);
    }

    /**
     * A binding or Bean Validation error worded from the bundles alone ({@code NotBlank}, {@code Size},
     * {@code typeMismatch.java.lang.Long}, …), never the validator's built-in English: a constraint the bundles do
     * not name reads {@code validation.not-valid}. For the API's problems, whose language is the request's.
     */
    public String bundleText(MessageSourceResolvable error, Locale language) {
        try {
            return messages.getMessage(new DefaultMessageSourceResolvable(error.getCodes(), error.getArguments()),
                    language);
        } catch (NoSuchMessageException unnamed) {
            return bundleText("validation.not-valid", language);
        }
    }

    /** A bundle's message without arguments in the given language. */
    public String bundleText(String key, Locale language) {
        return messages.getMessage(key, null, language);
    }

    /** A refusal without a field, from {@code problem.<code>}; the service's sentence when no bundle has one. */
    public String problemText(ProblemCode code, String english, Locale language) {
        return messages.getMessage("problem." + code.code(), null, english, language);
    }

    /**
     * Runs a form's action and answers where to go: the action's answer, or on a refusal {@code back} with the
     * problem code ({@code problem}) and its messages ({@code problemMessages}) as flash attributes. Not-found is
     * rethrown, so the caller learns nothing of what it may not see.
     */
    public String attempt(RedirectAttributes redirect, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (BansoException e) {
            if (e.code() == ProblemCode.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.code().code());
            redirect.addFlashAttribute("problemMessages", new ArrayList<>(byField(e).values()));
            return back;
        }
    }

    /** A message (a form error, a confirmation's text) in the page's language. */
    public String message(MessageSourceResolvable message) {
        return messages.getMessage(message, LocaleContextHolder.getLocale());
    }

    /**
     * The id of a field's input, which the summary links to: the field's path without list indices' brackets, as
     * Thymeleaf's {@code th:field} writes it ({@code team[0].name} → {@code team0.name}).
     */
    public String anchor(String field) {
        return field.replace("[", "").replace("]", "");
    }

    /**
     * A form's field errors in the order of the fields on the page ({@code fieldOrder}: form name → field names, as
     * the page-form interceptor gives it), not the order in which they were found; a field the order does not know
     * comes last, in binding order. List indices count too ({@code team[1]} after {@code team[0]}).
     */
    public List<FieldError> inPageOrder(BindingResult errors, Map<String, List<String>> fieldOrder) {
        List<String> order = fieldOrder == null ? List.of()
                : fieldOrder.getOrDefault(errors.getObjectName(), List.of());
        List<FieldError> sorted = new ArrayList<>(errors.getFieldErrors());
        sorted.sort(Comparator.comparingInt((FieldError e) -> position(order, e.getField()))
                .thenComparingInt(e -> index(e.getField())));
        return sorted;
    }

    private static int position(List<String> order, String field) {
        int end = field.indexOf('[');
        int dot = field.indexOf('.');
        int cut = end < 0 ? dot : dot < 0 ? end : Math.min(end, dot);
        int at = order.indexOf(cut < 0 ? field : field.substring(0, cut));
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private static int index(String field) {
        int open = field.indexOf('[');
        int close = field.indexOf(']', open + 1);
        if (open < 0 || close < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(field.substring(open + 1, close));
        } catch (NumberFormatException notAnIndex) {
            return -1;
        }
    }

    /**
     * A summary line: the field's label ({@code <form name>.<field>}, list indices left out) and its message; the
     * message alone when the bundles have no label for the field.
     */
    public String summaryEntry(BindingResult errors, FieldError error) {
        String key = errors.getObjectName() + "." + error.getField().replaceAll("\\[\\d+]", "");
        String text = message(error);
        try {
            String label = messages.getMessage(key, null, LocaleContextHolder.getLocale());
            return messages.getMessage("form.summary.entry", new Object[] {label, text},
                    LocaleContextHolder.getLocale());
        } catch (NoSuchMessageException unlabelled) {
            return text;
        }
    }
}
