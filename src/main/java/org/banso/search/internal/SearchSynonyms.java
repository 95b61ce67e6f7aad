package org.banso.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terms people type for one another ({@code search/synonyms.txt}): a query containing a term of a group is also
 * searched with each other term of the group in its place, each variant analysed by the fields' own analysers. The
 * query text is rewritten rather than a synonym filter added to the analysers: Kuromoji's search mode splits
 * 人工知能 into parts and the English fields see it as four characters, so a multi-word synonym graph would have to be
 * right for both analysers at once, while a variant query is analysed exactly as if the person had typed it. At most
 * {@link #MAX_VARIANTS} queries per search, the original first: the cost of a query stays bounded.
 */
final class SearchSynonyms {

    static final int MAX_VARIANTS = 6;
    private static final SearchSynonyms SHIPPED = load("/search/synonyms.txt");

    private final List<List<String>> groups;

    SearchSynonyms(List<List<String>> groups) {
        this.groups = groups;
    }

    static SearchSynonyms shipped() {
        return SHIPPED;
    }

    private static SearchSynonyms load(String resource) {
        try (InputStream in = SearchSynonyms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            List<List<String>> groups = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                groups.add(Arrays.stream(line.split(",")).map(SearchSynonyms::normalize)
                        .filter(term -> !term.isEmpty()).toList());
            }
            return new SearchSynonyms(List.copyOf(groups));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query itself, then the query with each other term of a group in place of the one it contains. */
    List<String> variants(String query) {
        List<String> variants = new ArrayList<>();
        variants.add(query);
        String text = normalize(query);
        for (List<String> group : groups) {
            for (String term : group) {
                Matcher found = pattern(term).matcher(text);
                if (!found.find()) {
                    continue;
                }
                for (String other : group) {
                    if (!other.equals(term) && variants.size() < MAX_VARIANTS) {
                        variants.add(text.substring(0, found.start()) + other + text.substring(found.end()));
                    }
                }
                break;
            }
        }
        return variants;
    }

    /** A Latin term matches as a whole word (AI, not the "ai" of "said"); a Japanese one anywhere. */
    private static Pattern pattern(String term) {
        boolean latin = term.chars().anyMatch(c -> c < 0x80 && Character.isLetterOrDigit(c));
        String quoted = Pattern.quote(term);
        return Pattern.compile(latin ? "(?<![\\p{Alnum}])" + quoted + "(?![\\p{Alnum}])" : quoted);
    }

    /** Full-width letters and half-width katakana folded (as the analysers fold them), lower case, trimmed. */
    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }
}
