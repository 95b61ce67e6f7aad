package org.banso.identity.web;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.IdentityManagement.NewOrganization;
import org.banso.identity.IdentityManagement.NewUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.shared.BansoException;
import org.banso.web.Confirmation;
import org.banso.web.FieldErrorMessages;
import org.banso.web.Forms;
import org.banso.web.FormValues;
import org.banso.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' pages for organizations and accounts. Rules and role checks are the service's. */
@Controller
class AdminPages {

    private final IdentityManagement identity;
    private final FieldErrorMessages errorMessages;

    AdminPages(IdentityManagement identity, FieldErrorMessages errorMessages) {
        this.identity = identity;
        this.errorMessages = errorMessages;
    }

    @GetMapping("/admin/organizations")
    String organizations(Model model, @AuthenticationPrincipal BansoUser user) {
        requireAdmin(user);
        model.addAttribute("organizations", identity.organizations());
        model.addAttribute("kinds", OrganizationKind.values());
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "identity/organizations";
    }

    @PostMapping("/admin/organizations")
    String registerOrganization(@RequestParam Map<String, String> form, Model model,
                                @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        try {
            OrganizationKind kind = FormValues.parse(form.get("kind"), OrganizationKind::valueOf);
            OrganizationView org = identity.registerOrganization(new NewOrganization(form.get("name"),
                    form.get("nameEn"), kind, form.get("corporateNumber")), user);
            redirect.addFlashAttribute("saved", org.name());
            return "redirect:/admin/organizations";
        } catch (BansoException e) {
            model.addAttribute("organizations", identity.organizations());
            model.addAttribute("kinds", OrganizationKind.values());
            model.addAttribute("form", form);
            model.addAttribute("errors", errorMessages.byField(e));
            return "identity/organizations";
        }
    }

    @GetMapping("/admin/users")
    String users(Model model, @AuthenticationPrincipal BansoUser user) {
        fillUsersPage(model, user, Map.of(), Map.of());
        return "identity/users";
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam Map<String, String> form, @RequestParam(name = "roles", required = false)
    List<String> roles, Model model, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        try {
            Set<Role> roleSet = roles == null ? Set.of() : roles.stream()
                    .map(r -> FormValues.parse(r, Role::valueOf)).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            UUID org = FormValues.parse(form.get("organizationId"), UUID::fromString);
            var created = identity.createUser(new NewUser(form.get("username"), form.get("displayName"),
                    form.get("email"), org == null ? null : new OrganizationId(org), roleSet, form.get("password")),
                    user);
            redirect.addFlashAttribute("saved", created.username());
            return "redirect:/admin/users";
        } catch (BansoException e) {
            Map<String, String> kept = new HashMap<>(form);
            kept.remove("password");
            fillUsersPage(model, user, kept, errorMessages.byField(e));
            return "identity/users";
        }
    }

    /**
     * Enabling (htmx) flips the flag and answers the table row again. Disabling ends the person's sessions and
     * refuses their sign-in and tokens at once, so it is first confirmed on a page naming the person and their
     * organization; the result names them.
     */
    @PostMapping("/admin/users/{id}/enabled")
    String toggleEnabled(@PathVariable UUID id, @RequestParam boolean enabled,
                         @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                         HttpServletRequest request, Model model, @AuthenticationPrincipal BansoUser user,
                         RedirectAttributes redirect, Locale locale) {
        if (!enabled) {
            requireAdmin(user);
            UserView person = identity.user(new UserId(id)).orElseThrow(() -> BansoException.notFound("The user"));
            String organization = identity.organization(person.organizationId()).map(o -> o.localName(locale))
                    .orElse("—");
            if (!Confirmation.confirmed(confirmed)) {
                model.addAttribute("confirmation", new Confirmation(Forms.text("user.confirm.disable.title"),
                        Forms.text("user.confirm.disable.what", person.displayName()),
                        Forms.text("user.confirm.disable.whom", person.displayName(), person.username(),
                                organization),
                        Forms.text("user.confirm.disable.irreversible"), "/admin/users/" + id + "/enabled",
                        Confirmation.values(request.getParameterMap()),
                        Forms.text("user.confirm.disable.submit", person.displayName()), "/admin/users"));
                return Confirmation.VIEW;
            }
            identity.setEnabled(person.id(), false, user);
            redirect.addFlashAttribute("disabledNotice", Forms.text("user.disabledNotice", person.displayName(),
                    person.username()));
            return "redirect:/admin/users";
        }
        var changed = identity.setEnabled(new UserId(id), true, user);
        model.addAttribute("u", changed);
        model.addAttribute("organizationNames", organizationNames());
        return "identity/users :: row";
    }

    private void fillUsersPage(Model model, BansoUser user, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("users", identity.users(user));
        model.addAttribute("organizations", identity.organizations());
        model.addAttribute("organizationNames", organizationNames());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    private Map<OrganizationId, OrganizationView> organizationNames() {
        return identity.organizations().stream().collect(Collectors.toMap(OrganizationView::id, Function.identity()));
    }

    private static void requireAdmin(BansoUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("ADMIN only");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AdminNavigation {

        @Bean
        NavigationItem adminUsersNavigation() {
            return new NavigationItem("nav.admin.users", "/admin/users", 900, "ADMIN");
        }

        @Bean
        NavigationItem adminOrganizationsNavigation() {
            return new NavigationItem("nav.admin.organizations", "/admin/organizations", 910, "ADMIN");
        }
    }
}
