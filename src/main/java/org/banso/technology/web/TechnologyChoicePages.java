package org.banso.technology.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.banso.identity.BansoUser;
import org.banso.technology.TechnologyChoices;
import org.banso.technology.TechnologyRegistry;
import org.banso.web.Choice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The technology picker's answer (htmx): the technologies this person may see whose name or code matches. */
@Controller
class TechnologyChoicePages {

    private final TechnologyRegistry registry;

    TechnologyChoicePages(TechnologyRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/choices/technologies")
    String technologies(@RequestParam(defaultValue = "") String q, @RequestParam String field,
                        @RequestParam(defaultValue = "false") boolean multiple, HttpServletRequest request,
                        @AuthenticationPrincipal BansoUser user, Locale locale, Model model) {
        return Choice.fragment(model, field, multiple, TechnologyChoices.of(registry.technologies(user), locale,
                Choice.bounded(q), Choice.chosen(request, field)));
    }
}
