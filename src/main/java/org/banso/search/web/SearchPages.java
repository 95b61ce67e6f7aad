package org.banso.search.web;

import java.util.Map;

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

    SearchPages(Search search) {
        this.search = search;
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
        return "search/results";
    }
}
