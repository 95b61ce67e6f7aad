package org.banso.funding.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.banso.council.CouncilId;
import org.banso.council.Councils;
import org.banso.funding.AwardInvitations;
import org.banso.funding.FundId;
import org.banso.funding.Funding;
import org.banso.funding.Funding.LedgerFilter;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.FundingViews.FundView;
import org.banso.funding.FundingViews.LedgerEntry;
import org.banso.funding.FundingViews.ProjectView;
import org.banso.funding.ProjectId;
import org.banso.funding.web.FundingForms.DisbursementForm;
import org.banso.funding.web.FundingForms.FundForm;
import org.banso.funding.web.FundingForms.LedgerForm;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationView;
import org.banso.identity.Role;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.technology.Technology;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.banso.web.ActionForm;
import org.banso.web.Choice;
import org.banso.web.Confirmation;
import org.banso.web.Forms;
import org.banso.web.FormValues;
import org.banso.web.NavigationItem;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/**
 * Fund dashboard (balances, ledger with filters, CSV and XLSX), projects with their council status, activation and
 * disbursement. Every change is a form bound with Bean Validation whose refusals come back beside its fields; money
 * movements and activation are confirmed on a page that says what cannot be undone (R2, R7).
 */
@Controller
class FundingPages {

    private final Funding funding;
    private final TechnologyRegistry technologies;
    private final IdentityManagement identity;
    private final Councils councils;
    private final AwardInvitations awardInvitations;

    FundingPages(Funding funding, TechnologyRegistry technologies, IdentityManagement identity, Councils councils,
                 AwardInvitations awardInvitations) {
        this.awardInvitations = awardInvitations;
        this.councils = councils;
        this.funding = funding;
        this.technologies = technologies;
        this.identity = identity;
    }

    // ------------------------------------------------------------------ funds

    @GetMapping("/funds")
    String funds(Model model, @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("fundForm", FundForm.empty());
        fillFunds(model, user);
        return "funding/funds";
    }

    @PostMapping("/funds")
    String createFund(@Valid @ModelAttribute("fundForm") FundForm form, BindingResult errors, Model model,
                      @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return Forms.submit(errors, () -> {
            FundView fund = funding.createFund(form.name(), form.program(), user);
            redirect.addFlashAttribute("saved", Forms.text("fund.saved.created", fund.name()));
            return "redirect:/funds/" + fund.id();
        }, () -> {
            fillFunds(model, user);
            return "funding/funds";
        });
    }

    private void fillFunds(Model model, BansoUser user) {
        List<FundView> funds = funding.funds(user);
        model.addAttribute("funds", funds);
        model.addAttribute("balances", funds.stream()
                .collect(Collectors.toMap(FundView::id, f -> funding.balance(f.id(), user))));
        model.addAttribute("canCreate", user.hasRole(Role.PROGRAM_OFFICER));
    }

    @GetMapping("/funds/{id}")
    String fund(@PathVariable UUID id, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String projectId, Model model,
                @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("ledgerForm", LedgerForm.empty());
        fillFund(model, new FundId(id), kind, projectId, user);
        return "funding/fund";
    }

    /**
     * An appropriation or a return (R2): checked, then confirmed on a page that names the fund and the amount, since
     * an entry is never edited or deleted; a return beyond what is available comes back on the amount.
     */
    @PostMapping("/funds/{id}/ledger")
    String record(@PathVariable UUID id, @Valid @ModelAttribute("ledgerForm") LedgerForm form, BindingResult errors,
                  @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                  HttpServletRequest request, Model model, @AuthenticationPrincipal BansoUser user,
                  RedirectAttributes redirect, Locale locale) {
        FundId fundId = new FundId(id);
        FundView fund = funding.fund(fundId, user);
        if (!errors.hasErrors()) {
            MessageSourceResolvable yen = yen(form.amount(), locale);
            if (!Confirmation.confirmed(confirmed)) {
                model.addAttribute("confirmation", new Confirmation(
                        Forms.text("fund.confirm.record.title"),
                        Forms.text("fund.confirm.record.what", Forms.text("fund.kind." + form.kind()), yen,
                                blankAsDash(form.memo())),
                        Forms.text("fund.confirm.record.whom", fund.name()),
                        Forms.text("fund.confirm.record.irreversible"),
                        "/funds/" + id + "/ledger", Confirmation.values(request.getParameterMap()),
                        Forms.text("fund.confirm.record.submit"), "/funds/" + id));
                return Confirmation.VIEW;
            }
            try {
                funding.record(fundId, form.kind(), form.amount(), form.memo(), user);
                redirect.addFlashAttribute("saved", Forms.text("fund.saved.recorded",
                        Forms.text("fund.kind." + form.kind()), yen, fund.name()));
                return "redirect:/funds/" + id;
            } catch (BansoException e) {
                Forms.refusal(e).onField(ProblemCode.INSUFFICIENT_FUNDS, "amount").into(errors);
            }
        }
        fillFund(model, fundId, null, null, user);
        return "funding/fund";
    }

    private void fillFund(Model model, FundId fund, String kind, String projectId, BansoUser user) {
        EntryKind kindFilter = FormValues.parse(kind, EntryKind::valueOf);
        UUID projectFilter = FormValues.parse(projectId, UUID::fromString);
        List<ProjectView> projects = funding.projects(user).stream().filter(p -> p.fundId().equals(fund)).toList();
        model.addAttribute("fund", funding.fund(fund, user));
        model.addAttribute("balance", funding.balance(fund, user));
        model.addAttribute("entries", funding.ledger(fund, new LedgerFilter(kindFilter,
                projectFilter == null ? null : new ProjectId(projectFilter), 200), user));
        model.addAttribute("kinds", EntryKind.values());
        model.addAttribute("kind", kindFilter);
        model.addAttribute("projectId", projectFilter);
        model.addAttribute("projects", projects);
        model.addAttribute("projectTitles", projects.stream()
                .collect(Collectors.toMap(ProjectView::id, ProjectView::title, (a, b) -> a)));
        model.addAttribute("canRecord", user.hasRole(Role.PROGRAM_OFFICER));
    }

    /** The ledger export for signed-in pages (the API's export needs a bearer token); same filters and content. */
    @GetMapping(value = "/funds/{id}/ledger.csv")
    ResponseEntity<byte[]> ledgerCsv(@PathVariable UUID id, @RequestParam(required = false) String kind,
                                     @RequestParam(required = false) String projectId,
                                     @AuthenticationPrincipal BansoUser user) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-" + id + ".csv\"")
                .body(FundingRestController.csv(exported(id, kind, projectId, user)).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/funds/{id}/ledger.xlsx")
    ResponseEntity<byte[]> ledgerXlsx(@PathVariable UUID id, @RequestParam(required = false) String kind,
                                      @RequestParam(required = false) String projectId,
                                      @AuthenticationPrincipal BansoUser user) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-" + id + ".xlsx\"")
                .body(LedgerWorkbook.of(exported(id, kind, projectId, user)));
    }

    private List<LedgerEntry> exported(UUID id, String kind, String projectId, BansoUser user) {
        UUID project = FormValues.parse(projectId, UUID::fromString);
        return funding.ledger(new FundId(id), new LedgerFilter(FormValues.parse(kind, EntryKind::valueOf),
                project == null ? null : new ProjectId(project), 1000), user);
    }

    // ------------------------------------------------------------------ projects

    @GetMapping("/projects")
    String projects(Model model, @AuthenticationPrincipal BansoUser user, Locale locale) {
        model.addAttribute("projects", funding.projects(user));
        model.addAttribute("technologies", technologyNames(user, locale));
        return "funding/projects";
    }

    @GetMapping("/projects/{id}")
    String project(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user, Locale locale) {
        model.addAttribute("disbursementForm", DisbursementForm.empty());
        fillProject(model, new ProjectId(id), user, locale);
        return "funding/project";
    }

    /** R7: activation waits for an established council; confirmed first, since a project is not deactivated. */
    @PostMapping("/projects/{id}/activate")
    String activate(@PathVariable UUID id, @ModelAttribute("actionForm") ActionForm form, BindingResult errors,
                    @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                    HttpServletRequest request, Model model, @AuthenticationPrincipal BansoUser user,
                    RedirectAttributes redirect, Locale locale) {
        ProjectView project = funding.project(new ProjectId(id), user);
        if (!Confirmation.confirmed(confirmed)) {
            model.addAttribute("confirmation", new Confirmation(Forms.text("project.confirm.activate.title"),
                    Forms.text("project.confirm.activate.what", project.title()),
                    Forms.text("project.confirm.activate.whom", project.title(),
                            organizationName(project.socialImplementationLeadId(), locale)),
                    Forms.text("project.confirm.activate.irreversible"), "/projects/" + id + "/activate",
                    Confirmation.values(request.getParameterMap()), Forms.text("project.confirm.activate.submit",
                    project.title()), "/projects/" + id));
            return Confirmation.VIEW;
        }
        try {
            funding.activate(project.id(), user);
            redirect.addFlashAttribute("saved", Forms.text("project.saved.activated", project.title()));
            return "redirect:/projects/" + id;
        } catch (BansoException e) {
            Forms.reject(errors, e);
        }
        model.addAttribute("disbursementForm", DisbursementForm.empty());
        fillProject(model, project.id(), user, locale);
        return "funding/project";
    }

    /** A disbursement from the project's allocation (R2, R7), confirmed first: money paid out is not taken back. */
    @PostMapping("/projects/{id}/disbursements")
    String disburse(@PathVariable UUID id, @Valid @ModelAttribute("disbursementForm") DisbursementForm form,
                    BindingResult errors, @RequestParam(name = Confirmation.CONFIRMED, required = false)
                    String confirmed, HttpServletRequest request, Model model,
                    @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect, Locale locale) {
        ProjectView project = funding.project(new ProjectId(id), user);
        if (!errors.hasErrors()) {
            MessageSourceResolvable yen = yen(form.amount(), locale);
            if (!Confirmation.confirmed(confirmed)) {
                model.addAttribute("confirmation", new Confirmation(Forms.text("project.confirm.disburse.title"),
                        Forms.text("project.confirm.disburse.what", yen, project.title(), blankAsDash(form.memo())),
                        Forms.text("project.confirm.disburse.whom", project.title(),
                                organizationName(project.socialImplementationLeadId(), locale)),
                        Forms.text("project.confirm.disburse.irreversible"), "/projects/" + id + "/disbursements",
                        Confirmation.values(request.getParameterMap()),
                        Forms.text("project.confirm.disburse.submit", yen), "/projects/" + id));
                return Confirmation.VIEW;
            }
            try {
                funding.disburse(project.id(), form.amount(), form.memo(), user);
                redirect.addFlashAttribute("saved", Forms.text("project.saved.disbursed", yen, project.title()));
                return "redirect:/projects/" + id;
            } catch (BansoException e) {
                Forms.refusal(e).onField(ProblemCode.INSUFFICIENT_FUNDS, "amount").into(errors);
            }
        }
        fillProject(model, project.id(), user, locale);
        return "funding/project";
    }

    private void fillProject(Model model, ProjectId id, BansoUser user, Locale locale) {
        ProjectView project = funding.project(id, user);
        // the link to the council only for those the council module lets see it (others would get not-found)
        model.addAttribute("councilVisible", project.councilId() != null && councilVisible(project.councilId(), user));
        model.addAttribute("project", project);
        model.addAttribute("technologies", technologyNames(user, locale));
        model.addAttribute("canOperate", user.hasRole(Role.FUNDING_OFFICER));
        model.addAttribute("organizationNames", identity.organizations().stream()
                .collect(Collectors.toMap(OrganizationView::id, o -> o.localName(locale), (a, b) -> a)));
        model.addAttribute("principalInvestigator", identity.user(project.principalInvestigatorId())
                .map(u -> u.displayName()).orElse(null));
        model.addAttribute("awardInvitations", awardInvitationsFor(project, user));
    }

    /** The list the award proposes, for the awarding officer only (issue 16); null for everyone else. */
    private AwardInvitations.ProposedInvitations awardInvitationsFor(ProjectView project, BansoUser user) {
        if (project.councilId() == null || !user.hasRole(Role.FUNDING_OFFICER)) {
            return null;
        }
        try {
            return awardInvitations.proposed(project.id(), user);
        } catch (BansoException notTheAwardingOfficer) {
            return null;
        }
    }

    /** The awarding officer confirms the list: the organizations ticked are invited by name and e-mail (issue 16). */
    @PostMapping("/projects/{id}/invitations")
    String inviteAwardPeople(@PathVariable UUID id, @ModelAttribute("actionForm") ActionForm form, BindingResult errors,
                             @RequestParam(name = "organizationIds", required = false) List<String> organizationIds,
                             Model model, @AuthenticationPrincipal BansoUser user, Locale locale) {
        List<OrganizationId> confirmed = organizationIds == null ? List.of() : organizationIds.stream()
                .map(v -> FormValues.parse(v, UUID::fromString)).filter(java.util.Objects::nonNull)
                .map(OrganizationId::new).toList();
        try {
            awardInvitations.invite(new ProjectId(id), confirmed, user);
            return "redirect:/projects/" + id + "#award-invitations";
        } catch (BansoException e) {
            Forms.reject(errors, e);
        }
        model.addAttribute("disbursementForm", DisbursementForm.empty());
        fillProject(model, new ProjectId(id), user, locale);
        return "funding/project";
    }

    /** The projects this person may see, for a picker (ledger filter, upload form…): title, program as hint. */
    @GetMapping("/choices/projects")
    String projectChoices(@RequestParam(defaultValue = "") String q, @RequestParam String field,
                          @RequestParam(defaultValue = "false") boolean multiple, HttpServletRequest request,
                          @AuthenticationPrincipal BansoUser user, Model model) {
        return Choice.fragment(model, field, multiple, Choice.pick(funding.projects(user), p -> p.id().toString(),
                ProjectView::title, p -> null, Choice.bounded(q), Choice.chosen(request, field)));
    }

    // ------------------------------------------------------------------ helpers

    private boolean councilVisible(UUID council, BansoUser user) {
        try {
            councils.council(new CouncilId(council), user);
            return true;
        } catch (BansoException hidden) {
            return false;
        }
    }

    private String organizationName(OrganizationId id, Locale locale) {
        return id == null ? "—" : identity.organization(id).map(o -> o.localName(locale)).orElse("—");
    }

    private Map<TechnologyId, String> technologyNames(BansoUser user, Locale locale) {
        return technologies.technologies(user).stream().collect(Collectors.toMap(Technology::id,
                t -> t.localName(locale), (a, b) -> a));
    }

    /** An amount as the pages write it: 1,200,000円 / 1,200,000 yen. */
    static MessageSourceResolvable yen(long amount, Locale locale) {
        return Forms.text("fund.yen", String.format(Locale.ROOT, "%,d", amount));
    }

    private static String blankAsDash(String text) {
        return text == null || text.isBlank() ? "—" : text.strip();
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
