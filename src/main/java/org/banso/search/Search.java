package org.banso.search;

import java.util.List;
import java.util.Map;

import org.banso.identity.BansoUser;

/**
 * The search facade. {@link #search} answers only what the viewer may see: the index query carries an exact
 * visibility filter, and every hit is re-checked by its owning module before it is returned (R17).
 */
public interface Search {

    int PAGE_SIZE = 20;

    /**
     * @param viewer the signed-in person, or {@code null} for an anonymous caller
     * @param page   1-based
     */
    Result search(String query, int page, BansoUser viewer);

    /** Rebuilds the whole index from the modules' APIs (ADMIN only); answers how many documents were indexed. */
    int reindex(BansoUser actor);

    /** The same, for the command line ({@code java -jar banso.jar search reindex}): no actor. */
    int reindexAll();

    /**
     * @param snippet HTML-safe: the text is escaped and the matches are wrapped in {@code <mark>} elements
     */
    record Hit(SearchKind kind, String id, String title, String snippet) {
    }

    /**
     * @param facets per facet name ({@code kind}, {@code council}, {@code category}), value → count over visible hits
     */
    record Result(long total, int page, List<Hit> hits, Map<String, Map<String, Long>> facets) {
    }
}
