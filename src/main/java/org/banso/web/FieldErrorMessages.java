package org.banso.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Turns a refused request into messages a page can show beside its fields, in the page's language: coded field
 * errors are translated from {@code validation.<code>}, others keep the service's English text.
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
        Map<String, String> byField = new LinkedHashMap<>();
        for (BansoException.FieldError error : e.errors()) {
            String text = error.code() == null ? error.message()
                    : messages.getMessage("validation." + error.code(), error.args().toArray(), error.message(),
                    LocaleContextHolder.getLocale());
            byField.merge(error.field(), text, (a, b) -> a + " " + b);
        }
        if (byField.isEmpty()) {
            byField.put("global", messages.getMessage("problem." + e.code().code(), null, e.getMessage(),
                    LocaleContextHolder.getLocale()));
        }
        return byField;
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
}
