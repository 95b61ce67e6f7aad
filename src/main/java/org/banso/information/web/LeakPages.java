package org.banso.information.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.information.ItemId;
import org.banso.information.internal.leak.LeakInvestigations;
import org.banso.information.internal.leak.LeakInvestigations.Decision;
import org.banso.information.internal.leak.LeakInvestigations.Investigation;
import org.banso.information.internal.leak.LeakInvestigations.InvestigationView;
import org.banso.information.internal.leak.LeakInvestigations.NewReport;
import org.banso.information.internal.leak.LeakInvestigations.PenaltySubject;
import org.banso.information.internal.leak.LeakInvestigations.Report;
import org.banso.information.internal.leak.LeakInvestigations.ReportSummary;
import org.banso.information.internal.leak.LeakInvestigations.Trace;
import org.banso.information.web.LeakForms.DecisionForm;
import org.banso.information.web.LeakForms.InvestigationForm;
import org.banso.information.web.LeakForms.ReportForm;
import org.banso.information.web.LeakForms.TraceForm;
import org.banso.shared.BansoException;
import org.banso.web.Choice;
import org.banso.web.Confirmation;
import org.banso.web.Forms;
import org.banso.web.NavigationItem;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** The auditor's leak pages (R17): reports, a report with its investigations and decision, tracing a file. */
@Controller
class LeakPages {

    private final LeakInvestigations leaks;
    private final IdentityManagement identity;
    private final MessageSource messages;

    LeakPages(LeakInvestigations leaks, IdentityManagement identity, MessageSource messages) {
        this.leaks = leaks;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/leaks")
    String reports(Model model, @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("reportForm", ReportForm.empty());
        fillReports(model, user);
        return "information/leaks";
    }

    /**
     * A report, from the reports page or the trace page; refused, it comes back on the reports page with what was
     * typed (the trace result's item and fingerprint kept as hidden fields).
     */
    @PostMapping("/leaks")
    String report(@Valid @ModelAttribute("reportForm") ReportForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect, @AuthenticationPrincipal BansoUser user) {
        leaks.requireInvestigator(user);
        return Forms.submit(errors, () -> {
            ItemId item = form.itemId() == null || form.itemId().isBlank() ? null
                    : new ItemId(UUID.fromString(form.itemId()));
            Report report = leaks.reportLeak(new NewReport(item, form.description(), blankAsNull(
                    form.fingerprint())), user);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/leaks/" + report.id();
        }, () -> {
            fillReports(model, user);
            return "information/leaks";
        });
    }

    private void fillReports(Model model, BansoUser user) {
        model.addAttribute("itemChoices", itemChoices(model.getAttribute("reportForm"), user));
        List<ReportSummary> reports = leaks.reports(user);
        model.addAttribute("reports", reports);
        model.addAttribute("names", new Names(identity));
        model.addAttribute("itemTitles", leaks.itemTitles(reports.stream().map(ReportSummary::itemId).toList(),
                user));
    }

    /**
     * The item picker's options when the page is drawn (issue 17: an item is picked by its title, never typed as an
     * id): the item the form carries — from the trace page, or chosen before the form came back — named by its title
     * as the report list names it; typing in the picker asks {@code /choices/items} for the others.
     */
    private List<Choice> itemChoices(Object form, BansoUser user) {
        if (!(form instanceof ReportForm report) || report.itemId() == null
                || !report.itemId().matches(LeakForms.ITEM_ID) || report.itemId().isEmpty()) {
            return List.of();
        }
        ItemId item = new ItemId(UUID.fromString(report.itemId()));
        String title = leaks.itemTitles(List.of(item), user).get(item);
        return List.of(new Choice(report.itemId(), title != null ? title
                : messages.getMessage("leak.item.unknown", null, LocaleContextHolder.getLocale()), "", true));
    }

    @GetMapping("/leaks/{id}")
    String report(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        fillReport(model, id, user);
        return "information/leak";
    }

    @PostMapping("/leaks/{id}/investigations")
    String investigate(@PathVariable UUID id, @Valid @ModelAttribute("investigationForm") InvestigationForm form,
                       BindingResult errors, Model model, RedirectAttributes redirect,
                       @AuthenticationPrincipal BansoUser user) {
        leaks.requireInvestigator(user);
        return Forms.submit(errors, () -> {
            byte[] leaked = LeakRestController.leaked(form.file(), form.text());
            leaks.investigate(id, new Investigation(blankAsNull(form.fingerprint()), leaked, form.note()), user);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/leaks/" + id;
        }, () -> {
            fillReport(model, id, user);
            return "information/leak";
        });
    }

    /**
     * The penalty, decided once per report and never changed: checked, then confirmed on a page that names the
     * penalty, the amount or term and what cannot be undone.
     */
    @PostMapping("/leaks/{id}/decision")
    String decide(@PathVariable UUID id, @Valid @ModelAttribute("decisionForm") DecisionForm form,
                  BindingResult errors, @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                  HttpServletRequest request, Model model, RedirectAttributes redirect,
                  @AuthenticationPrincipal BansoUser user, Locale locale) {
        leaks.requireInvestigator(user);
        if (!errors.hasErrors()) {
            Decision decision = new Decision(form.penalty(), form.amountYen(), form.termMonths(), null,
                    form.rationale());
            try {
                if (!Confirmation.confirmed(confirmed)) {
                    leaks.checkDecision(id, decision, user);
                    model.addAttribute("confirmation", new Confirmation(Forms.text("leak.confirm.decide.title"),
                            Forms.text("leak.confirm.decide.what", penaltyName(form.penalty(), user, locale),
                                    quantity(form)),
                            Forms.text("leak.confirm.decide.whom", subjectName(id, form.penalty(), user)),
                            Forms.text("leak.confirm.decide.irreversible"), "/leaks/" + id + "/decision",
                            Confirmation.values(request.getParameterMap()),
                            Forms.text("leak.confirm.decide.submit"), "/leaks/" + id));
                    return Confirmation.VIEW;
                }
                leaks.decide(id, decision, user);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/leaks/" + id;
            } catch (BansoException e) {
                Forms.reject(errors, e);
            }
        }
        fillReport(model, id, user);
        return "information/leak";
    }

    private void fillReport(Model model, UUID id, BansoUser user) {
        Report report = leaks.report(id, user);
        model.addAttribute("report", report);
        model.addAttribute("penalties", leaks.penalties(user));
        model.addAttribute("names", new Names(identity));
        List<ItemId> items = new ArrayList<>();
        items.add(report.itemId());
        report.investigations().forEach(i -> items.add(i.itemId()));
        model.addAttribute("itemTitles", leaks.itemTitles(items, user));
        if (!model.containsAttribute("investigationForm")) {
            model.addAttribute("investigationForm", InvestigationForm.empty());
        }
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute("decisionForm", DecisionForm.empty());
        }
    }

    private String penaltyName(String code, BansoUser user, Locale locale) {
        return leaks.penalties(user).stream().filter(p -> p.code().equals(code)).findFirst()
                .map(p -> "ja".equals(locale.getLanguage()) ? p.nameJa() : p.nameEn()).orElse(code);
    }

    private static MessageSourceResolvable quantity(DecisionForm form) {
        if (form.amountYen() != null) {
            return Forms.text("leak.yen", form.amountYen());
        }
        if (form.termMonths() != null) {
            return Forms.text("leak.months", form.termMonths());
        }
        return Forms.text("leak.confirm.decide.noQuantity");
    }

    /**
     * The person a penalty on a person falls on: the recipient of the last trace result, as the service takes it;
     * a dash for a penalty on no person.
     */
    private String subjectName(UUID report, String penalty, BansoUser user) {
        boolean onPerson = leaks.penalties(user).stream()
                .anyMatch(p -> p.code().equals(penalty) && p.appliesTo() == PenaltySubject.PERSON);
        List<InvestigationView> investigations = leaks.report(report, user).investigations();
        return !onPerson || investigations.isEmpty() ? "—"
                : new Names(identity).of(investigations.get(investigations.size() - 1).recipient());
    }

    @GetMapping("/leaks/trace")
    String tracePage(Model model, @AuthenticationPrincipal BansoUser user) {
        leaks.requireInvestigator(user); // anyone else gets not-found before seeing the form
        model.addAttribute("traceForm", new TraceForm(null, ""));
        return "information/leak-trace";
    }

    @PostMapping("/leaks/trace")
    String trace(@Valid @ModelAttribute("traceForm") TraceForm form, BindingResult errors, Model model,
                 @AuthenticationPrincipal BansoUser user) {
        leaks.requireInvestigator(user);
        return Forms.submit(errors, () -> {
            Optional<Trace> trace = leaks.trace(LeakRestController.leaked(form.file(), form.text()), user);
            model.addAttribute("traced", true);
            trace.ifPresent(t -> {
                model.addAttribute("trace", t);
                model.addAttribute("recipient", identity.user(t.recipientUserId()).orElse(null));
                model.addAttribute("itemTitles", leaks.itemTitles(List.of(t.itemId()), user));
            });
            return "information/leak-trace";
        }, () -> "information/leak-trace");
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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
