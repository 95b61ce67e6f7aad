package org.banso.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
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
