package org.banso.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.banso.shared.BansoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

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
}
