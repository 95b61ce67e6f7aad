package org.banso.funding.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.banso.council.CouncilId;
import org.banso.council.Councils;
import org.banso.funding.AwardInvitations;
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
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.banso.web.FieldErrorMessages;
import org.banso.web.FormValues;
import org.banso.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    private final IdentityManagement identity;
    private final Councils councils;
    private final AwardInvitations awardInvitations;

    FundingPages(Funding funding, Calls calls, TechnologyRegistry technologies, FieldErrorMessages errorMessages,
                 IdentityManagement identity, Councils councils, AwardInvitations awardInvitations) {
        this.councils = councils;
        this.awardInvitations = awardInvitations;
        this.funding = funding;
        this.calls = calls;
        this.technologies = technologies;
        this.errorMessages = errorMessages;
        this.identity = identity;
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

    private List<org.banso.funding.FundingViews.LedgerEntry> exported(UUID id, String kind, String projectId,
                                                                      BansoUser user) {
        UUID project = FormValues.parse(projectId, UUID::fromString);
        return funding.ledger(new FundId(id), new LedgerFilter(FormValues.parse(kind, EntryKind::valueOf),
                project == null ? null : new ProjectId(project), 1000), user);
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
    String project(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user,
                   java.util.Locale locale) {
        ProjectView project = funding.project(new ProjectId(id), user);
        // the link to the council only for those the council module lets see it (others would get not-found)
        model.addAttribute("councilVisible", project.councilId() != null && councilVisible(project.councilId(), user));
        model.addAttribute("project", project);
        model.addAttribute("technologies", technologyNames(user));
        model.addAttribute("canOperate", user.hasRole(Role.FUNDING_OFFICER));
        model.addAttribute("organizationNames", identity.organizations().stream()
                .collect(Collectors.toMap(OrganizationView::id, o -> "en".equals(locale.getLanguage())
                        && o.nameEn() != null && !o.nameEn().isBlank() ? o.nameEn() : o.name(), (a, b) -> a)));
        model.addAttribute("awardInvitations", awardInvitationsFor(project, user));
        return "funding/project";
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

    /** The awarding officer confirms the list: the organizations ticked are invited by name and e-mail. */
    @PostMapping("/projects/{id}/invitations")
    String inviteAwardPeople(@PathVariable UUID id,
                             @RequestParam(name = "organizationIds", required = false) List<String> organizationIds,
                             @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        String back = "/projects/" + id;
        return attempt(redirect, back, () -> {
            List<OrganizationId> confirmed = organizationIds == null ? List.of() : organizationIds.stream()
                    .map(v -> FormValues.parse(v, UUID::fromString)).filter(java.util.Objects::nonNull)
                    .map(OrganizationId::new).toList();
            awardInvitations.invite(new ProjectId(id), confirmed, user);
            return back + "#award-invitations";
        });
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
        boolean canOpen = user.hasRole(Role.FUNDING_OFFICER);
        model.addAttribute("canOpen", canOpen);
        model.addAttribute("funds", canOpen ? funding.funds(user) : List.of());
        model.addAttribute("technologies", canOpen ? technologyNames(user) : Map.of());
        model.addAttribute("types", Calls.CallType.values());
        return "funding/calls";
    }

    /** A funding officer opens a call; the window is entered in Japan time. */
    @PostMapping("/calls")
    String openCall(@RequestParam Map<String, String> form,
                    @RequestParam(name = "technologyIds", required = false) List<String> technologyIds,
                    @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return attempt(redirect, "/calls", () -> "/calls/" + calls.openCall(new Calls.NewCall(
                FormValues.parse(form.get("fundId"), s -> new FundId(UUID.fromString(s))), form.get("title"),
                FormValues.parse(form.get("type"), Calls.CallType::valueOf),
                technologyIds == null ? List.of() : technologyIds.stream()
                        .map(t -> FormValues.parse(t, s -> new TechnologyId(UUID.fromString(s))))
                        .filter(java.util.Objects::nonNull).toList(),
                japanTime(form.get("opensAt")), japanTime(form.get("closesAt")),
                FormValues.parse(form.get("budgetCap"), Long::valueOf)), user).id());
    }

    private static java.time.Instant japanTime(String local) {
        java.time.LocalDateTime time = FormValues.parse(local, java.time.LocalDateTime::parse);
        return time == null ? null : time.atZone(JAPAN).toInstant();
    }

    private static final java.time.ZoneId JAPAN = java.time.ZoneId.of("Asia/Tokyo");

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
        Calls.ApplicationView submission = calls.application(id, user);
        model.addAttribute("submission", submission);
        boolean reviewer = user.hasRole(Role.PROGRAM_OFFICER) || user.hasRole(Role.ANALYST);
        List<Calls.ReviewView> reviews = reviewer || user.hasRole(Role.FUNDING_OFFICER)
                || user.hasRole(Role.AUDITOR) ? calls.reviews(id, user) : List.of();
        model.addAttribute("reviews", reviews);
        model.addAttribute("mine", reviews.stream().filter(r -> r.reviewerId().equals(user.id())).findFirst()
                .orElse(null));
        model.addAttribute("canReview", reviewer);
        boolean canAward = user.hasRole(Role.FUNDING_OFFICER) && "SUBMITTED".equals(submission.status());
        model.addAttribute("canAward", canAward);
        if (canAward) {
            Calls.CallView call = calls.call(submission.callId(), user);
            Map<TechnologyId, String> names = technologyNames(user);
            model.addAttribute("awardTechnologies", call.technologyIds().stream()
                    .collect(Collectors.toMap(t -> t, t -> names.getOrDefault(t, t.toString()), (a, b) -> a,
                            java.util.LinkedHashMap::new)));
            List<OrganizationView> organizations = identity.organizations();
            model.addAttribute("organizations", organizations);
            model.addAttribute("ministries", organizations.stream()
                    .filter(o -> o.kind() == OrganizationKind.MINISTRY).toList());
            model.addAttribute("leads", organizations.stream().filter(o -> o.kind() == OrganizationKind.MINISTRY
                    || o.kind() == OrganizationKind.COMPANY || o.kind() == OrganizationKind.STARTUP).toList());
            model.addAttribute("piOrganization", identity.user(submission.principalInvestigatorId())
                    .map(u -> u.organizationId()).orElse(null));
            model.addAttribute("kProgram", funding.fund(call.fundId(), user).program() == Program.K_PROGRAM);
        }
        return "funding/application";
    }

    /**
     * A funding officer awards the application (R7, R10). The competent ministry's representative is typed as a
     * username; the award service checks that person (an unknown name is a field error on the same field).
     */
    @PostMapping("/applications/{id}/award")
    String award(@PathVariable UUID id, @RequestParam Map<String, String> form,
                 @RequestParam(name = "organizationIds", required = false) List<String> organizationIds,
                 @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return attempt(redirect, "/applications/" + id, () -> {
            String username = form.get("representative") == null ? "" : form.get("representative").strip();
            UserId representative = null;
            if (!username.isEmpty()) {
                representative = identity.userByUsername(username).map(u -> u.id()).orElseThrow(() ->
                        BansoException.invalid("competentMinistryRepresentativeId",
                                "must name a ministry official of the competent ministry by username"));
            }
            ProjectView project = calls.award(id, new Calls.AwardTerms(
                    FormValues.parse(form.get("technologyId"), s -> new TechnologyId(UUID.fromString(s))),
                    organizationIds == null ? List.of() : organizationIds.stream()
                            .map(o -> FormValues.parse(o, s -> new OrganizationId(UUID.fromString(s))))
                            .filter(java.util.Objects::nonNull).toList(),
                    FormValues.parse(form.get("competentMinistryId"), s -> new OrganizationId(UUID.fromString(s))),
                    representative,
                    FormValues.parse(form.get("socialImplementationLeadId"),
                            s -> new OrganizationId(UUID.fromString(s))),
                    form.get("socialImplementationPlan")), user);
            return "/projects/" + project.id();
        });
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

    private boolean councilVisible(UUID council, BansoUser user) {
        try {
            councils.council(new CouncilId(council), user);
            return true;
        } catch (BansoException hidden) {
            return false;
        }
    }

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
