package org.banso.search.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.banso.council.CouncilId;
import org.banso.council.Councils;
import org.banso.identity.BansoUser;
import org.banso.search.Search;
import org.banso.search.SearchKind;
import org.banso.shared.BansoException;
import org.banso.web.Choice;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The item picker's answer (htmx, issue 17): the council items and public results whose title or text matches what
 * was typed, found through the search index — which shows a person only what the one access policy lets them know
 * of (R17), re-checking every hit — each named by its title, told apart by its council. Nothing is offered before
 * something is typed; the chosen item stays first.
 */
@Controller
class ItemChoicePages {

    private final Search search;
    private final Councils councils;
    private final MessageSource messages;

    ItemChoicePages(Search search, Councils councils, MessageSource messages) {
        this.search = search;
        this.councils = councils;
        this.messages = messages;
    }

    @GetMapping("/choices/items")
    String items(@RequestParam(defaultValue = "") String q, @RequestParam String field,
                 @RequestParam(defaultValue = "false") boolean multiple, HttpServletRequest request,
                 @AuthenticationPrincipal BansoUser user, Locale locale, Model model) {
        Set<String> chosen = new LinkedHashSet<>(Choice.chosen(request, field));
        String query = Choice.bounded(q).strip();
        List<Search.Hit> hits = query.isEmpty() ? List.of() : search.search(query,
                new Search.Refinement(SearchKind.ITEM, null, null, null), 1, user).hits();
        Map<String, String> councilNames = new HashMap<>();
        List<Choice> found = new ArrayList<>();
        for (Search.Hit hit : hits) {
            if (found.size() < Choice.LIMIT && !chosen.contains(hit.id())) {
                found.add(new Choice(hit.id(), hit.title(), councilName(hit.councilId(), user, locale, councilNames),
                        false));
            }
        }
        List<Choice> choices = new ArrayList<>();
        for (String value : chosen) {
            // the chosen item keeps its place; its title is the page's to show (the search box found it, or the page
            // was given it), so it is named here only by what it is
            hits.stream().filter(h -> h.id().equals(value)).findFirst().ifPresentOrElse(
                    h -> choices.add(new Choice(value, h.title(), councilName(h.councilId(), user, locale,
                            councilNames), true)),
                    () -> {
                        if (isId(value)) {
                            choices.add(new Choice(value, messages.getMessage("search.choice.chosenItem", null,
                                    locale), "", true));
                        }
                    });
        }
        choices.addAll(found);
        return Choice.fragment(model, field, multiple, choices);
    }

    /** The council an item belongs to, when the person may see it; else that it is a public result. */
    private String councilName(String council, BansoUser user, Locale locale, Map<String, String> known) {
        if (council == null || !isId(council)) {
            return messages.getMessage("search.choice.publicItem", null, locale);
        }
        return known.computeIfAbsent(council, id -> {
            try {
                return councils.council(new CouncilId(UUID.fromString(id)), user).name();
            } catch (BansoException hidden) {
                return messages.getMessage("search.choice.publicItem", null, locale);
            }
        });
    }

    private static boolean isId(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
