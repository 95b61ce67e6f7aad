package org.banso.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.banso.shared.BansoException;
import org.springframework.ui.Model;

/**
 * One option of a name picker ({@code fragments/picker}): the value the form posts (an id), the name people read,
 * and a short hint that tells two alike names apart (organization, code). Never an id in {@code label} or {@code hint}.
 *
 * @param value   what the form posts
 * @param label   the name shown
 * @param hint    what else tells it apart, or empty
 * @param chosen  whether the form has it chosen now
 */
public record Choice(String value, String label, String hint, boolean chosen) {

    /** The most options a picker shows at once besides the chosen ones; typing narrows them. */
    public static final int LIMIT = 20;

    /**
     * The options for a query: the chosen ones first (whatever the query), then up to {@link #LIMIT} of the others
     * whose name or hint contains every word of the query — compared after Unicode NFKC and case folding, so that
     * "ＡＩ", "ai" and "AI" match alike. {@code candidates} must already be only what the person may see.
     */
    public static <T> List<Choice> pick(Collection<T> candidates, Function<T, String> value, Function<T, String> label,
                                        Function<T, String> hint, String query, Collection<String> chosen) {
        Set<String> chosenValues = new LinkedHashSet<>(chosen == null ? List.of() : chosen);
        List<String> words = words(query);
        List<Choice> first = new ArrayList<>();
        List<Choice> others = new ArrayList<>();
        for (T candidate : candidates) {
            String v = value.apply(candidate);
            String l = label.apply(candidate);
            String h = hint == null ? "" : String.valueOf(hint.apply(candidate) == null ? "" : hint.apply(candidate));
            if (chosenValues.contains(v)) {
                first.add(new Choice(v, l, h, true));
            } else if (others.size() < LIMIT && matches(words, l + " " + h)) {
                others.add(new Choice(v, l, h, false));
            }
        }
        first.addAll(others);
        return first;
    }

    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,60}");

    /**
     * Answers a picker's request (htmx): the options fragment for the form field {@code field}, whose chosen values
     * the request carries under that name.
     */
    public static String fragment(Model model, String field, boolean multiple, List<Choice> choices) {
        model.addAttribute("field", field(field));
        model.addAttribute("multiple", multiple);
        model.addAttribute("choices", choices);
        return "fragments/picker :: options";
    }

    /** The form field a picker request names, checked: letters and digits only. */
    public static String field(String field) {
        if (field == null || !FIELD.matcher(field).matches()) {
            throw BansoException.invalid("field", "must name a form field");
        }
        return field;
    }

    /** The values a picker's request carries as chosen for {@code field} (checked first). */
    public static List<String> chosen(HttpServletRequest request, String field) {
        String[] values = request.getParameterValues(field(field));
        return values == null ? List.of() : List.of(values);
    }

    /** What was typed, cut to the search box's 100 characters: a longer query costs more and finds nothing more. */
    public static String bounded(String query) {
        return query == null ? "" : query.length() > 100 ? query.substring(0, 100) : query;
    }

    static List<String> words(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return List.of(fold(query).strip().split("\\s+"));
    }

    private static boolean matches(List<String> words, String text) {
        String folded = fold(text);
        return words.stream().allMatch(folded::contains);
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
