package org.banso.search.web;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.banso.council.Councils;
import org.banso.identity.BansoUser;
import org.banso.information.Marking;
import org.banso.search.Search;
import org.banso.search.SearchKind;
import org.banso.shared.BansoException;
import org.banso.shared.RetryLaterException;
import org.banso.technology.TechnologyReference;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

@Controller
class SearchPages {

    private static final List<String> CATEGORY_BUNDLE_PREFIXES = List.of("information.category.", "matter.",
            "council.status.", "guideline.VersionStatus.");
    private static final Pattern AREA_CODE = Pattern.compile("A\\d{2}");

    private final Search search;
    private final Councils councils;
    /** Kinds indexed under both their names ("量子センサ / Quantum sensor"); a hit shows the page's language only. */
    private static final Set<SearchKind> BILINGUAL_TITLES = EnumSet.of(SearchKind.TECHNOLOGY,
            SearchKind.TECHNOLOGY_AREA, SearchKind.VISION_TECHNOLOGY);

    private final TechnologyReference reference;
    private final MessageSource messages;

    SearchPages(Search search, Councils councils, TechnologyReference reference, MessageSource messages) {
        this.search = search;
        this.councils = councils;
        this.reference = reference;
        this.messages = messages;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", defaultValue = "") String q,
                  @RequestParam(name = "page", defaultValue = "1") int page,
                  @RequestParam(name = "kind", required = false) String kind,
                  @RequestParam(name = "council", required = false) String council,
                  @RequestParam(name = "category", required = false) String category,
                  @RequestParam(name = "marking", required = false) String marking,
                  @AuthenticationPrincipal BansoUser user, Locale locale, Model model,
                  HttpServletResponse response) {
        Search.Result result;
        String error = null;
        Search.Refinement refinement = Search.Refinement.NONE;
        try {
            refinement = new Search.Refinement(kind(kind), council, category,
                    marking(marking));
            result = search.search(q, refinement, page, user);
        } catch (RetryLaterException e) {
            // this node's index is catching up: refused at once, the page says to try again shortly (#19)
            result = new Search.Result(0, 1, List.of(), Map.of());
            error = "search.error.catchingUp";
            response.setStatus(e.code().status());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RetryLaterException.retryAfterSeconds(
                    e.retryAfter())));
        } catch (BansoException e) {
            result = new Search.Result(0, 1, List.of(), Map.of());
            error = "search.error.query";
        }
        long pages = Math.min(Search.MAX_PAGE, (result.total() + Search.PAGE_SIZE - 1) / Search.PAGE_SIZE);
        model.addAttribute("q", q);
        model.addAttribute("refinement", refinement);
        model.addAttribute("result", result);
        model.addAttribute("pages", pages);
        model.addAttribute("error", error);
        // names only of the councils the council module shows this person; other facet values stay ids
        Map<String, String> councilNames = new HashMap<>();
        if (user != null && !result.facets().getOrDefault("council", Map.of()).isEmpty()) {
            councils.councils(user).forEach(c -> councilNames.put(c.id().toString(), c.name()));
        }
        model.addAttribute("councilNames", councilNames);
        model.addAttribute("categoryNames", categoryNames(result, locale));
        Map<String, String> links = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        Map<String, String> snippets = new HashMap<>();
        result.hits().forEach(hit -> {
            links.put(hit.id(), link(hit));
            titles.put(hit.id(), title(hit, locale));
            snippets.put(hit.id(), snippet(hit, locale));
        });
        model.addAttribute("links", links);
        model.addAttribute("titles", titles);
        model.addAttribute("snippets", snippets);
        return "search/results";
    }

    /**
     * The category facet mixes the items' categories, proposals' matters, councils' and guideline versions'
     * statuses and technologies' area codes: each value is named from the bundle that names it on its own pages.
     */
    private Map<String, String> categoryNames(Search.Result result, Locale locale) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> areas = new HashMap<>();
        boolean english = "en".equals(locale.getLanguage());
        for (String value : result.facets().getOrDefault("category", Map.of()).keySet()) {
            String name = null;
            for (String prefix : CATEGORY_BUNDLE_PREFIXES) {
                name = messages.getMessage(prefix + value, null, null, locale);
                if (name != null) {
                    break;
                }
            }
            if (name == null && AREA_CODE.matcher(value).matches()) {
                if (areas.isEmpty()) {
                    reference.areas().forEach(a -> areas.put(a.code(), english ? a.nameEn() : a.nameJa()));
                }
                name = areas.get(value);
            }
            names.put(value, name == null ? value : name);
        }
        return names;
    }

    /**
     * A technology is indexed under both its names ("量子センサ / Quantum sensor") so that either finds it; the hit
     * names it in the page's language only.
     */
    static String title(Search.Hit hit, Locale locale) {
        int slash = hit.title().indexOf(" / ");
        if (!BILINGUAL_TITLES.contains(hit.kind()) || slash < 0) {
            return hit.title();
        }
        return "en".equals(locale.getLanguage()) ? hit.title().substring(slash + 3) : hit.title().substring(0, slash);
    }

    /**
     * The search module's snippet (HTML-escaped, with {@code <mark>}), except for the guideline's reference data,
     * whose indexed text holds both languages: an area says nothing beyond its name and kind, and a K Program vision
     * technology names its domain in the page's language.
     */
    private String snippet(Search.Hit hit, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return switch (hit.kind()) {
            case TECHNOLOGY_AREA -> "";
            case VISION_TECHNOLOGY -> reference.visionTechnology(UUID.fromString(hit.id()))
                    .map(v -> HtmlUtils.htmlEscape(english ? v.domainEn() : v.domainJa())).orElse("");
            default -> hit.snippet();
        };
    }

    /** Where a hit is read: the page of its module (a meeting on its council's follow-up page). */
    static String link(Search.Hit hit) {
        return switch (hit.kind()) {
            case ITEM -> "/items/" + hit.id();
            case COUNCIL -> "/councils/" + hit.id();
            case PROPOSAL -> "/proposals/" + hit.id();
            case MEETING -> "/councils/" + hit.councilId() + "/follow-up";
            case TECHNOLOGY -> "/technologies/" + hit.id();
            case GUIDELINE -> "/guidelines/" + hit.id();
            case PUBLIC_RESULT -> "/public/results";
            case TECHNOLOGY_AREA -> "/technologies/areas#area-" + hit.id();
            case VISION_TECHNOLOGY -> "/technologies/areas#vision-" + hit.id();
        };
    }

    private static SearchKind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SearchKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw BansoException.invalid("kind", "must be a kind of search hit");
        }
    }

    private static Marking marking(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Marking.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw BansoException.invalid("marking", "must be PUBLIC, COUNCIL or CONTROLLED");
        }
    }
}
