package org.banso.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityChoices;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
import org.banso.web.Choice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The name pickers' answers for organizations and people (htmx): the options matching what was typed, at most
 * {@link Choice#LIMIT} besides the chosen ones, and only what the person may see
 * ({@link IdentityManagement#people}).
 */
@Controller
class IdentityChoicePages {

    private final IdentityManagement identity;

    IdentityChoicePages(IdentityManagement identity) {
        this.identity = identity;
    }

    @GetMapping("/choices/organizations")
    String organizations(@RequestParam(defaultValue = "") String q, @RequestParam String field,
                         @RequestParam(defaultValue = "false") boolean multiple,
                         @RequestParam(name = "kind", required = false) List<OrganizationKind> kinds,
                         HttpServletRequest request, Locale locale, Model model) {
        Set<OrganizationKind> filter = kinds == null || kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds);
        return Choice.fragment(model, field, multiple, IdentityChoices.organizations(identity.organizations(),
                filter, locale, Choice.bounded(q), Choice.chosen(request, field)));
    }

    @GetMapping("/choices/people")
    String people(@RequestParam(defaultValue = "") String q, @RequestParam String field,
                  @RequestParam(defaultValue = "false") boolean multiple,
                  @RequestParam(name = "role", required = false) List<Role> roles, HttpServletRequest request,
                  @AuthenticationPrincipal BansoUser user, Locale locale, Model model) {
        Set<Role> filter = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        return Choice.fragment(model, field, multiple, IdentityChoices.people(identity.people(user),
                identity.organizations(), filter, locale, Choice.bounded(q), Choice.chosen(request, field)));
    }
}
