package org.banso.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;

/**
 * What the confirmation page ({@code confirm.html}) asks before a destructive or irreversible action: what will
 * happen, to whom, and what cannot be undone, with the form's values carried unchanged to the action. The action
 * runs only when the request carries {@link #CONFIRMED}; every text is a message key with arguments, worded in the
 * page's language.
 *
 * @param title        the page heading, e.g. "Retire this technology?"
 * @param what         what will happen
 * @param whom         whom (or what) it affects, by name
 * @param irreversible what cannot be undone afterwards
 * @param action       where the confirmed form is posted (the same path as the unconfirmed one)
 * @param values       the submitted form's values (without the CSRF token), re-posted as hidden fields
 * @param confirmLabel the button, naming the action ("Retire 量子センサ")
 * @param cancelPath   where "cancel" leads, changing nothing
 */
public record Confirmation(MessageSourceResolvable title, MessageSourceResolvable what, MessageSourceResolvable whom,
                           MessageSourceResolvable irreversible, String action, Map<String, List<String>> values,
                           MessageSourceResolvable confirmLabel, String cancelPath) {

    /** The request parameter that says the person has seen the confirmation page. */
    public static final String CONFIRMED = "confirmed";

    /** The view that shows a confirmation (model attribute {@code confirmation}). */
    public static final String VIEW = "confirm";

    public Confirmation {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            if (!"_csrf".equals(name) && !CONFIRMED.equals(name)) {
                kept.put(name, List.copyOf(list));
            }
        });
        values = java.util.Collections.unmodifiableMap(kept);
    }

    /** A request's parameters as the confirmation carries them. */
    public static Map<String, List<String>> values(Map<String, String[]> parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        parameters.forEach((name, array) -> values.put(name, new ArrayList<>(List.of(array))));
        return values;
    }

    /** Whether this request is the confirmed one. */
    public static boolean confirmed(String value) {
        return "true".equals(value);
    }
}
