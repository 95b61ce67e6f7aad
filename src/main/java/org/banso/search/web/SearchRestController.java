package org.banso.search.web;

import java.util.List;
import java.util.Map;

import org.banso.identity.BansoUser;
import org.banso.information.Marking;
import org.banso.search.Search;
import org.banso.search.SearchKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Full-text search over what the caller may see (R17)")
class SearchRestController {

    private final Search search;

    SearchRestController(Search search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Search: hits and total count only what the caller may see; 20 hits a page, pages 1 to "
            + Search.MAX_PAGE + "; each facet counts its " + Search.MAX_FACET_VALUES + " most frequent values; "
            + "snippets are HTML-escaped with matches in <mark>")
    @ApiResponse(responseCode = "503", description = "service-unavailable, with a Retry-After header (seconds), at "
            + "once: this node's index is catching up with the other nodes' changes (#19); another node or a later "
            + "try answers", content = @Content(mediaType = "application/problem+json"))
    SearchResponse search(@Parameter(description = "the query, at most " + Search.MAX_QUERY_LENGTH + " characters")
                          @RequestParam(name = "q", defaultValue = "") String q,
                          @Parameter(description = "1-based page of 20 hits, at most " + Search.MAX_PAGE
                                  + " (deeper: 400 validation-failed; refine the query)")
                          @RequestParam(name = "page", defaultValue = "1") int page,
                          @Parameter(description = "only hits of this kind (a value of the kind facet)")
                          @RequestParam(name = "kind", required = false) SearchKind kind,
                          @Parameter(description = "only hits of this council (a value of the council facet)")
                          @RequestParam(name = "council", required = false) String council,
                          @Parameter(description = "only hits of this category (a value of the category facet)")
                          @RequestParam(name = "category", required = false) String category,
                          @Parameter(description = "only items of this marking now (a value of the marking facet)")
                          @RequestParam(name = "marking", required = false) Marking marking,
                          @AuthenticationPrincipal BansoUser user) {
        Search.Result result = search.search(q, new Search.Refinement(kind, council,
                category, marking), page, user);
        return new SearchResponse(result.total(), result.page(), result.hits(), result.facets());
    }

    @PostMapping("/reindex")
    @Operation(summary = "Rebuild the whole index from the modules (ADMIN)",
            description = "Rebuilds this node's index. Until the rebuild ends (done or failed), searches on this node "
                    + "answer 503 service-unavailable with Retry-After and its readiness is OUT_OF_SERVICE (#19).")
    Map<String, Integer> reindex(@AuthenticationPrincipal BansoUser user) {
        return Map.of("indexed", search.reindex(user));
    }

    record SearchResponse(long total, int page, List<Search.Hit> hits, Map<String, Map<String, Long>> facets) {
    }
}
