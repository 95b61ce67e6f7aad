package org.banso.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.banso.shared.BansoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The messages of a page form that came back refused, in the page's language, for the Digital Agency's pattern: one
 * message by each field and an error summary at the top linking to the fields. Bean Validation's shape errors and a
 * page's own checks are worded from {@code validation.<code>} ({@code NotBlank}/{@code NotNull} → {@code required},
 * {@code Size} → {@code too-long}, {@code Min}/{@code Max} → {@code range}, a value that could not be read →
 * {@code format}); the domain's refusals come through {@link FieldErrorMessages#byField}, their field names mapped onto
 * the form's.
 */
@Component
public class BindingMessages {

    private final MessageSource messages;
    private final FieldErrorMessages domain;

    BindingMessages(MessageSource messages, FieldErrorMessages domain) {
        this.messages = messages;
        this.domain = domain;
    }

    /** One line of the error summary: the field's anchor, its label and the message. */
    public record SummaryEntry(String anchor, String label, String message) {
    }

    /** Field → message for the form's binding and shape errors, in the order the fields were checked. */
    public Map<String, String> byField(BindingResult result) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            byField.putIfAbsent(error.getField(), message(error));
        }
        result.getGlobalErrors().forEach(e -> byField.putIfAbsent("global", text(e.getCode(), e.getArguments())));
        return byField;
    }

    /** Field → message for a domain refusal, with the domain's field names mapped to the form's ({@code field}). */
    public Map<String, String> byField(BansoException refusal, Function<String, String> field) {
        Map<String, String> byField = new LinkedHashMap<>();
        domain.byField(refusal).forEach((name, message) -> byField.merge(field.apply(name), message,
                (a, b) -> a.equals(b) ? a : a + " " + b));
        return byField;
    }

    /**
     * The summary's lines, in the order of {@code labels} (field → label message key); a field without a label
     * (such as {@code global}) is listed last, linked to the form itself.
     *
     * @param anchors field → the id of its input
     */
    public List<SummaryEntry> summary(Map<String, String> errors, Map<String, String> labels,
                                      Map<String, String> anchors, String formAnchor) {
        List<SummaryEntry> entries = new ArrayList<>();
        labels.forEach((field, label) -> {
            if (errors.containsKey(field)) {
                entries.add(new SummaryEntry(anchors.getOrDefault(field, field), text(label, null),
                        errors.get(field)));
            }
        });
        errors.forEach((field, message) -> {
            if (!labels.containsKey(field)) {
                entries.add(new SummaryEntry(formAnchor, "", message));
            }
        });
        return entries;
    }

    private String message(FieldError error) {
        if (error.isBindingFailure()) {
            return text("validation.format", null);
        }
        String code = error.getCode() == null ? "" : error.getCode();
        Object[] args = error.getArguments();
        return switch (code) {
            case "NotBlank", "NotNull", "NotEmpty" -> text("validation.required", null);
            // Spring passes the constraint's attributes after the field, alphabetically: max, then min
            case "Size" -> text("validation.too-long", new Object[] {argument(args, 1)});
            case "Min", "Max" -> text("validation.range", new Object[] {argument(args, 1)});
            default -> text("validation." + code, args);
        };
    }

    private static Object argument(Object[] args, int index) {
        return args != null && args.length > index ? args[index] : "";
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
