package org.banso.identity.web;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
import org.banso.identity.web.AdminForms.OrganizationForm;
import org.banso.identity.web.AdminForms.UserForm;
import org.banso.shared.BansoException;
import org.banso.web.Confirmation;
import org.banso.web.Forms;
import org.banso.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' pages for organizations and accounts. Rules and role checks are the service's. */
@Controller
class AdminPages {

    private final IdentityManagement identity;

    AdminPages(IdentityManagement identity) {
        this.identity = identity;
    }

    @GetMapping("/admin/organizations")
    String organizations(Model model, @AuthenticationPrincipal BansoUser user) {
        requireAdmin(user);
        model.addAttribute("organizationForm", OrganizationForm.empty());
        fillOrganizationsPage(model);
        return "identity/organizations";
    }

    @PostMapping("/admin/organizations")
    String registerOrganization(@Valid @ModelAttribute("organizationForm") OrganizationForm form,
                                BindingResult errors, Model model, @AuthenticationPrincipal BansoUser user,
                                RedirectAttributes redirect) {
        requireAdmin(user);
        return Forms.submit(errors, () -> {
            OrganizationView org = identity.registerOrganization(new NewOrganization(form.name(),
                    form.nameEn(), form.kind(), form.corporateNumber()), user);
            redirect.addFlashAttribute("saved", org.name());
            return "redirect:/admin/organizations";
        }, () -> {
            fillOrganizationsPage(model);
            return "identity/organizations";
        });
    }

    private void fillOrganizationsPage(Model model) {
        model.addAttribute("organizations", identity.organizations());
        model.addAttribute("kinds", OrganizationKind.values());
    }

    @GetMapping("/admin/users")
    String users(Model model, @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("userForm", UserForm.empty());
        fillUsersPage(model, user);
        return "identity/users";
    }

    @PostMapping("/admin/users")
    String createUser(@Valid @ModelAttribute("userForm") UserForm form, BindingResult errors, Model model,
                      @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return Forms.submit(errors, () -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(form.roles());
            var created = identity.createUser(new NewUser(form.username(), form.displayName(), form.email(),
                    new OrganizationId(form.organizationId()), roles, form.password()), user);
            redirect.addFlashAttribute("saved", created.username());
            return "redirect:/admin/users";
        }, () -> {
            fillUsersPage(model, user);
            return "identity/users";
        });
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

    private void fillUsersPage(Model model, BansoUser user) {
        model.addAttribute("users", identity.users(user));
        model.addAttribute("organizations", identity.organizations());
        model.addAttribute("organizationNames", organizationNames());
        model.addAttribute("roles", Role.values());
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
