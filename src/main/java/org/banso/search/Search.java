package org.banso.search;

import java.util.List;
import java.util.Map;

import org.banso.identity.BansoUser;
import org.banso.information.Marking;

/**
 * The search facade. {@link #search} answers only what the viewer may see: the index query carries an exact
 * visibility filter, and every hit is re-checked by its owning module before it is returned (R17).
 */
public interface Search {

    int PAGE_SIZE = 20;

    /**
     * The deepest page (1,000 hits): every page is collected from the top, so its cost grows with its depth; deeper is
     * {@code 400 validation-failed} on {@code page} — refine the query instead (issue #13).
     */
    int MAX_PAGE = 50;

    /** The longest query, in characters ({@code 400 validation-failed} on {@code q} beyond). */
    int MAX_QUERY_LENGTH = 200;

    /** Each facet counts at most this many values, the most frequent first. */
    int MAX_FACET_VALUES = 100;

    /**
     * @param viewer the signed-in person, or {@code null} for an anonymous caller
     * @param page   1-based, at most {@link #MAX_PAGE}
     */
    default Result search(String query, int page, BansoUser viewer) {
        return search(query, Refinement.NONE, page, viewer);
    }

    /**
     * The same, narrowed to one kind, council or category (the facets' values). A refinement only narrows what the
     * viewer may see anyway, so a value they may not know (another council's id) simply finds nothing.
     */
    Result search(String query, Refinement refinement, int page, BansoUser viewer);

    /** Rebuilds the whole index from the modules' APIs (ADMIN only); answers how many documents were indexed. */
    int reindex(BansoUser actor);

    /** The same, for the command line ({@code java -jar banso.jar search reindex}): no actor. */
    int reindexAll();

    /**
     * @param snippet   HTML-safe: the text is escaped and the matches are wrapped in {@code <mark>} elements
     * @param councilId the council the hit belongs to (items, councils, proposals, meetings), else null
     * @param category  an item's category ({@code REPORT} for a think-tank report, R20), else null
     */
    record Hit(SearchKind kind, String id, String title, String snippet, String councilId, String category) {
    }

    /**
     * @param kind     null for any kind
     * @param council  a council id, or null
     * @param category an item category or a proposal's matter (as the {@code category} facet names them), or null
     * @param marking  only items of this marking now, or null
     */
    record Refinement(SearchKind kind, String council, String category, Marking marking) {

        public static final Refinement NONE = new Refinement(null, null, null, null);

        /** A blank council or category, as a form or query string sends it, means none. */
        public Refinement {
            council = council == null || council.isBlank() ? null : council.strip();
            category = category == null || category.isBlank() ? null : category.strip();
        }

        public boolean isEmpty() {
            return kind == null && council == null && category == null && marking == null;
        }
    }

    /**
     * @param facets per facet name ({@code kind}, {@code council}, {@code category}, {@code marking}), value → count
     *               over visible hits
     */
    record Result(long total, int page, List<Hit> hits, Map<String, Map<String, Long>> facets) {
    }
}
