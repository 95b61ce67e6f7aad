package org.banso.search.web;

import java.util.HashMap;
import java.util.Map;

import org.banso.council.CouncilManagement;
import org.banso.identity.BansoUser;
import org.banso.search.Search;
import org.banso.shared.BansoException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SearchPages {

    private final Search search;
    private final CouncilManagement councils;

    SearchPages(Search search, CouncilManagement councils) {
        this.search = search;
        this.councils = councils;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", defaultValue = "") String q,
                  @RequestParam(name = "page", defaultValue = "1") int page,
                  @AuthenticationPrincipal BansoUser user, Model model) {
        Search.Result result;
        String error = null;
        try {
            result = search.search(q, Math.max(1, page), user);
        } catch (BansoException e) {
            result = new Search.Result(0, 1, java.util.List.of(), Map.of());
            error = "search.error.query";
        }
        long pages = (result.total() + Search.PAGE_SIZE - 1) / Search.PAGE_SIZE;
        model.addAttribute("q", q);
        model.addAttribute("result", result);
        model.addAttribute("pages", pages);
        model.addAttribute("error", error);
        // names only of the councils the council module shows this person; other facet values stay ids
        Map<String, String> councilNames = new HashMap<>();
        if (user != null && !result.facets().getOrDefault("council", Map.of()).isEmpty()) {
            councils.councils(user).forEach(c -> councilNames.put(c.id().toString(), c.name()));
        }
        model.addAttribute("councilNames", councilNames);
        return "search/results";
    }
}
