package org.banso.information.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.information.ItemId;
import org.banso.information.internal.leak.LeakInvestigations;
import org.banso.information.internal.leak.LeakInvestigations.Decision;
import org.banso.information.internal.leak.LeakInvestigations.Investigation;
import org.banso.information.internal.leak.LeakInvestigations.NewReport;
import org.banso.information.internal.leak.LeakInvestigations.Report;
import org.banso.information.internal.leak.LeakInvestigations.Trace;
import org.banso.shared.BansoException;
import org.banso.web.FieldErrorMessages;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The auditor's leak pages (R17): reports, a report with its investigations and decision, tracing a file. */
@Controller
class LeakPages {

    private final LeakInvestigations leaks;
    private final IdentityManagement identity;
    private final FieldErrorMessages errorMessages;

    LeakPages(LeakInvestigations leaks, IdentityManagement identity, FieldErrorMessages errorMessages) {
        this.leaks = leaks;
        this.identity = identity;
        this.errorMessages = errorMessages;
    }

    @GetMapping("/leaks")
    String reports(Model model, @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("reports", leaks.reports(user));
        model.addAttribute("names", new Names(identity));
        defaults(model);
        return "information/leaks";
    }

    @PostMapping("/leaks")
    String report(@RequestParam Map<String, String> form, RedirectAttributes redirect,
                  @AuthenticationPrincipal BansoUser user) {
        return attempt(redirect, form, "/leaks", () -> {
            ItemId item = uuid(form.get("itemId"), "itemId").map(ItemId::new).orElse(null);
            return "/leaks/" + leaks.reportLeak(new NewReport(item, form.get("description"), form.get("fingerprint")),
                    user).id();
        });
    }

    @GetMapping("/leaks/{id}")
    String report(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        Report report = leaks.report(id, user);
        model.addAttribute("report", report);
        model.addAttribute("penalties", leaks.penalties(user));
        model.addAttribute("names", new Names(identity));
        defaults(model);
        return "information/leak";
    }

    @PostMapping("/leaks/{id}/investigations")
    String investigate(@PathVariable UUID id, @RequestParam Map<String, String> form,
                       @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect,
                       @AuthenticationPrincipal BansoUser user) {
        return attempt(redirect, form, "/leaks/" + id, () -> {
            byte[] leaked = LeakRestController.leaked(file, form.get("text"));
            leaks.investigate(id, new Investigation(form.get("fingerprint"), leaked, form.get("note")), user);
            return "/leaks/" + id;
        });
    }

    @PostMapping("/leaks/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect,
                  @AuthenticationPrincipal BansoUser user) {
        return attempt(redirect, form, "/leaks/" + id, () -> {
            Long amount = number(form.get("amountYen"), "amountYen");
            Long term = number(form.get("termMonths"), "termMonths");
            leaks.decide(id, new Decision(form.get("penalty"), amount, term == null ? null
                    : (int) Math.min(term, Integer.MAX_VALUE), null, form.get("rationale")), user);
            return "/leaks/" + id;
        });
    }

    @GetMapping("/leaks/trace")
    String tracePage(Model model, @AuthenticationPrincipal BansoUser user) {
        leaks.requireInvestigator(user); // anyone else gets not-found before seeing the form
        defaults(model);
        return "information/leak-trace";
    }

    @PostMapping("/leaks/trace")
    String trace(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
                 Model model, @AuthenticationPrincipal BansoUser user) {
        defaults(model);
        try {
            Optional<Trace> trace = leaks.trace(LeakRestController.leaked(file, text), user);
            model.addAttribute("traced", true);
            trace.ifPresent(t -> {
                model.addAttribute("trace", t);
                model.addAttribute("recipient", identity.user(t.recipientUserId()).orElse(null));
            });
        } catch (BansoException e) {
            if (e.code() != org.banso.shared.ProblemCode.VALIDATION_FAILED) {
                throw e;
            }
            model.addAttribute("fieldErrors", errorMessages.byField(e));
        }
        return "information/leak-trace";
    }

    private static void defaults(Model model) {
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
    }

    private String attempt(RedirectAttributes redirect, Map<String, String> form, String back,
                           Supplier<String> change) {
        try {
            String target = change.get();
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + target;
        } catch (BansoException e) {
            if (e.code() == org.banso.shared.ProblemCode.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.code().code());
            redirect.addFlashAttribute("fieldErrors", errorMessages.byField(e));
            Map<String, String> kept = new LinkedHashMap<>(form);
            kept.remove("_csrf");
            redirect.addFlashAttribute("form", kept);
            return "redirect:" + back;
        }
    }

    private static Optional<UUID> uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw new BansoException(org.banso.shared.ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                    List.of(BansoException.FieldError.coded(field, "leak.uuid", "Enter an id (UUID).")));
        }
    }

    private static Long number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BansoException(org.banso.shared.ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                    List.of(BansoException.FieldError.coded(field, "leak.number", "Enter a whole number.")));
        }
    }

    /** Display names of the people a page mentions, looked up once each. */
    static final class Names {

        private final IdentityManagement identity;
        private final Map<UserId, String> cache = new HashMap<>();

        Names(IdentityManagement identity) {
            this.identity = identity;
        }

        public String of(UserId id) {
            if (id == null) {
                return "—";
            }
            return cache.computeIfAbsent(id, key -> identity.user(key).map(UserView::displayName)
                    .orElse(key.toString()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LeakWebConfiguration {

        @Bean
        NavigationItem leaksNavigation() {
            return new NavigationItem("nav.leaks", "/leaks", 810, "AUDITOR");
        }
    }
}
