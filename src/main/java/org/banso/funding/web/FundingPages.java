package org.banso.funding.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.banso.funding.Calls;
import org.banso.funding.Calls.NewApplication;
import org.banso.funding.Calls.OpenClosePlan;
import org.banso.funding.FundId;
import org.banso.funding.Funding;
import org.banso.funding.Funding.LedgerFilter;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.FundingViews.FundView;
import org.banso.funding.FundingViews.ProjectView;
import org.banso.funding.Program;
import org.banso.funding.ProjectId;
import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.shared.BansoException;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.banso.web.FieldErrorMessages;
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

/** Fund dashboard (balances, ledger with filters, CSV), projects with their council status, calls and reviews. */
@Controller
class FundingPages {

    private final Funding funding;
    private final Calls calls;
    private final TechnologyRegistry technologies;
    private final FieldErrorMessages errorMessages;

    FundingPages(Funding funding, Calls calls, TechnologyRegistry technologies, FieldErrorMessages errorMessages) {
        this.funding = funding;
        this.calls = calls;
        this.technologies = technologies;
        this.errorMessages = errorMessages;
    }

    // ------------------------------------------------------------------ funds

    @GetMapping("/funds")
    String funds(Model model, @AuthenticationPrincipal BansoUser user) {
        List<FundView> funds = funding.funds(user);
        model.addAttribute("funds", funds);
        model.addAttribute("balances", funds.stream()
                .collect(Collectors.toMap(FundView::id, f -> funding.balance(f.id(), user))));
        model.addAttribute("canCreate", user.hasRole(Role.PROGRAM_OFFICER));
        return "funding/funds";
    }

    @PostMapping("/funds")
    String createFund(@RequestParam Map<String, String> form, @AuthenticationPrincipal BansoUser user,
                      RedirectAttributes redirect) {
        return attempt(redirect, "/funds", () -> "/funds/" + funding.createFund(form.get("name"),
                FormValues.parse(form.get("program"), Program::valueOf), user).id());
    }

    @GetMapping("/funds/{id}")
    String fund(@PathVariable UUID id, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String projectId, Model model,
                @AuthenticationPrincipal BansoUser user) {
        FundId fund = new FundId(id);
        EntryKind kindFilter = FormValues.parse(kind, EntryKind::valueOf);
        UUID projectFilter = FormValues.parse(projectId, UUID::fromString);
        model.addAttribute("fund", funding.fund(fund, user));
        model.addAttribute("balance", funding.balance(fund, user));
        model.addAttribute("entries", funding.ledger(fund, new LedgerFilter(kindFilter,
                projectFilter == null ? null : new ProjectId(projectFilter), 200), user));
        model.addAttribute("kinds", EntryKind.values());
        model.addAttribute("kind", kindFilter);
        model.addAttribute("projectId", projectFilter);
        model.addAttribute("projects", funding.projects(user).stream().filter(p -> p.fundId().equals(fund)).toList());
        model.addAttribute("canRecord", user.hasRole(Role.PROGRAM_OFFICER));
        return "funding/fund";
    }

    @PostMapping("/funds/{id}/ledger")
    String record(@PathVariable UUID id, @RequestParam Map<String, String> form,
                  @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        String back = "/funds/" + id;
        return attempt(redirect, back, () -> {
            EntryKind kind = FormValues.parse(form.get("kind"), EntryKind::valueOf);
            Long amount = FormValues.parse(form.get("amount"), Long::valueOf);
            if (kind == null || amount == null) {
                throw BansoException.invalid("amount", "must be a positive number of yen");
            }
            funding.record(new FundId(id), kind, amount, form.get("memo"), user);
            return back;
        });
    }

    // ------------------------------------------------------------------ projects

    @GetMapping("/projects")
    String projects(Model model, @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("projects", funding.projects(user));
        model.addAttribute("technologies", technologyNames(user));
        return "funding/projects";
    }

    @GetMapping("/projects/{id}")
    String project(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        ProjectView project = funding.project(new ProjectId(id), user);
        model.addAttribute("project", project);
        model.addAttribute("technologies", technologyNames(user));
        model.addAttribute("canOperate", user.hasRole(Role.FUNDING_OFFICER));
        return "funding/project";
    }

    @PostMapping("/projects/{id}/activate")
    String activate(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        String back = "/projects/" + id;
        return attempt(redirect, back, () -> {
            funding.activate(new ProjectId(id), user);
            return back;
        });
    }

    @PostMapping("/projects/{id}/disbursements")
    String disburse(@PathVariable UUID id, @RequestParam Map<String, String> form,
                    @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        String back = "/projects/" + id;
        return attempt(redirect, back, () -> {
            Long amount = FormValues.parse(form.get("amount"), Long::valueOf);
            if (amount == null) {
                throw BansoException.invalid("amount", "must be a positive number of yen");
            }
            funding.disburse(new ProjectId(id), amount, form.get("memo"), user);
            return back;
        });
    }

    // ------------------------------------------------------------------ calls, applications, reviews

    @GetMapping("/calls")
    String calls(Model model, @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("calls", calls.calls(user));
        return "funding/calls";
    }

    @GetMapping("/calls/{id}")
    String call(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("call", calls.call(id, user));
        model.addAttribute("applications", calls.applications(id, user));
        model.addAttribute("technologies", technologyNames(user));
        model.addAttribute("canApply", user.hasRole(Role.RESEARCHER));
        return "funding/call";
    }

    @PostMapping("/calls/{id}/applications")
    String apply(@PathVariable UUID id, @RequestParam Map<String, String> form,
                 @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return attempt(redirect, "/calls/" + id, () -> "/applications/" + calls.apply(id, new NewApplication(
                form.get("title"), form.get("eradNumber"), form.get("orcid"), List.of(),
                FormValues.parse(form.get("directCost"), Long::valueOf),
                new OpenClosePlan(form.get("controlled"), form.get("fromWhom"),
                        FormValues.parse(form.get("months"), Integer::valueOf), form.get("reason"))), user).id());
    }

    @GetMapping("/applications/{id}")
    String application(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("submission", calls.application(id, user));
        boolean reviewer = user.hasRole(Role.PROGRAM_OFFICER) || user.hasRole(Role.ANALYST);
        List<Calls.ReviewView> reviews = reviewer || user.hasRole(Role.FUNDING_OFFICER)
                || user.hasRole(Role.AUDITOR) ? calls.reviews(id, user) : List.of();
        model.addAttribute("reviews", reviews);
        model.addAttribute("mine", reviews.stream().filter(r -> r.reviewerId().equals(user.id())).findFirst()
                .orElse(null));
        model.addAttribute("canReview", reviewer);
        return "funding/application";
    }

    @PostMapping("/applications/{id}/declarations")
    String declare(@PathVariable UUID id, @RequestParam Map<String, String> form,
                   @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        String back = "/applications/" + id;
        return attempt(redirect, back, () -> {
            calls.declare(id, "true".equals(form.get("conflict")), form.get("reason"), user);
            return back;
        });
    }

    @PostMapping("/applications/{id}/reviews")
    String review(@PathVariable UUID id, @RequestParam Map<String, String> form,
                  @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        String back = "/applications/" + id;
        return attempt(redirect, back, () -> {
            Integer score = FormValues.parse(form.get("score"), Integer::valueOf);
            if (score == null) {
                throw BansoException.invalid("score", "must be 1–5");
            }
            calls.score(id, score, form.get("comment"), user);
            return back;
        });
    }

    // ------------------------------------------------------------------ helpers

    private Map<TechnologyId, String> technologyNames(BansoUser user) {
        return technologies.technologies(user).stream().collect(Collectors.toMap(t -> t.id(),
                t -> t.code() + " " + t.nameJa(), (a, b) -> a));
    }

    /** Runs a change; on refusal goes back with the problem code and field messages for a notice. */
    private String attempt(RedirectAttributes redirect, String back, java.util.function.Supplier<String> change) {
        try {
            String target = change.get();
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + target;
        } catch (BansoException e) {
            redirect.addFlashAttribute("problem", e.code().code());
            redirect.addFlashAttribute("fieldErrors", errorMessages.byField(e));
            return "redirect:" + back;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FundingWebConfiguration {

        @Bean
        NavigationItem projectsNavigation() {
            return new NavigationItem("nav.projects", "/projects", 50, NavigationItem.SIGNED_IN);
        }

        @Bean
        NavigationItem callsNavigation() {
            return new NavigationItem("nav.calls", "/calls", 55, NavigationItem.SIGNED_IN);
        }

        @Bean
        NavigationItem fundsNavigation() {
            return new NavigationItem("nav.funds", "/funds", 45, Role.PROGRAM_OFFICER.name());
        }

        @Bean
        NavigationItem fundsNavigationForFundingOfficers() {
            return new NavigationItem("nav.funds", "/funds", 45, Role.FUNDING_OFFICER.name());
        }
    }
}
