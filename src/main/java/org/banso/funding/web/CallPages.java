package org.banso.funding.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.banso.funding.Calls;
import org.banso.funding.Calls.ApplicationStatus;
import org.banso.funding.Calls.NewApplication;
import org.banso.funding.Calls.OpenClosePlan;
import org.banso.funding.FundId;
import org.banso.funding.Funding;
import org.banso.funding.FundingViews.ProjectView;
import org.banso.funding.Program;
import org.banso.funding.web.FundingForms.ApplicationForm;
import org.banso.funding.web.FundingForms.AwardForm;
import org.banso.funding.web.FundingForms.CallForm;
import org.banso.funding.web.FundingForms.DeclarationForm;
import org.banso.funding.web.FundingForms.ReviewForm;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityChoices;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.technology.Technology;
import org.banso.technology.TechnologyChoices;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.banso.web.Confirmation;
import org.banso.web.DateFormats;
import org.banso.web.Forms;
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
 * Calls for proposals, applications, reviews and awards in the pages. Technologies, organizations and people are
 * chosen by name (pickers); declarations, scores and awards are confirmed first, since none can be taken back.
 */
@Controller
class CallPages {

    /** Who may lead social implementation (R10). */
    private static final Set<OrganizationKind> LEADS = Set.of(OrganizationKind.MINISTRY, OrganizationKind.COMPANY,
            OrganizationKind.STARTUP);

    private final Funding funding;
    private final Calls calls;
    private final TechnologyRegistry technologies;
    private final IdentityManagement identity;

    CallPages(Funding funding, Calls calls, TechnologyRegistry technologies, IdentityManagement identity) {
        this.funding = funding;
        this.calls = calls;
        this.technologies = technologies;
        this.identity = identity;
    }

    @GetMapping("/calls")
    String calls(Model model, @AuthenticationPrincipal BansoUser user, Locale locale) {
        model.addAttribute("callForm", CallForm.empty());
        fillCalls(model, user, CallForm.empty(), locale);
        return "funding/calls";
    }

    /** A funding officer opens a call; the window is typed in Japan time. */
    @PostMapping("/calls")
    String openCall(@Valid @ModelAttribute("callForm") CallForm form, BindingResult errors, Model model,
                    @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect, Locale locale) {
        return Forms.submit(errors, () -> {
            Calls.CallView call = calls.openCall(new Calls.NewCall(new FundId(form.fundId()), form.title(),
                    form.type(), form.technologyIds().stream().map(TechnologyId::new).toList(),
                    japanTime(form.opensAt()), japanTime(form.closesAt()), form.budgetCap()), user);
            redirect.addFlashAttribute("saved", Forms.text("call.saved.opened", call.title()));
            return "redirect:/calls/" + call.id();
        }, () -> {
            fillCalls(model, user, form, locale);
            return "funding/calls";
        });
    }

    private void fillCalls(Model model, BansoUser user, CallForm form, Locale locale) {
        model.addAttribute("calls", calls.calls(user));
        boolean canOpen = user.hasRole(Role.FUNDING_OFFICER);
        model.addAttribute("canOpen", canOpen);
        model.addAttribute("funds", canOpen ? funding.funds(user) : List.of());
        model.addAttribute("technologyChoices", canOpen ? TechnologyChoices.of(technologies.technologies(user),
                locale, null, ids(form.technologyIds())) : List.of());
        model.addAttribute("types", Calls.CallType.values());
    }

    private static Instant japanTime(LocalDateTime local) {
        return local.atZone(DateFormats.JAPAN).toInstant();
    }

    @GetMapping("/calls/{id}")
    String call(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user, Locale locale) {
        model.addAttribute("applicationForm", ApplicationForm.empty());
        fillCall(model, id, user, locale);
        return "funding/call";
    }

    @PostMapping("/calls/{id}/applications")
    String apply(@PathVariable UUID id, @Valid @ModelAttribute("applicationForm") ApplicationForm form,
                 BindingResult errors, Model model, @AuthenticationPrincipal BansoUser user,
                 RedirectAttributes redirect, Locale locale) {
        return Forms.submit(errors, () -> {
            Calls.ApplicationView application = calls.apply(id, new NewApplication(form.title(),
                    form.eradNumber(), form.orcid(), List.of(), form.directCost(), new OpenClosePlan(
                    form.controlled(), form.fromWhom(), form.months(), form.reason())), user);
            redirect.addFlashAttribute("saved", Forms.text("application.saved.submitted",
                    application.title()));
            return "redirect:/applications/" + application.id();
        }, e -> Forms.refusal(e).rename("openClosePlan", "controlled")
                .rename("openClosePlan.controlled", "controlled").rename("openClosePlan.fromWhom", "fromWhom")
                .rename("openClosePlan.months", "months").rename("openClosePlan.reason", "reason"), () -> {
            fillCall(model, id, user, locale);
            return "funding/call";
        });
    }

    private void fillCall(Model model, UUID id, BansoUser user, Locale locale) {
        model.addAttribute("call", calls.call(id, user));
        model.addAttribute("applications", calls.applications(id, user));
        model.addAttribute("technologies", technologyNames(user, locale));
        model.addAttribute("canApply", user.hasRole(Role.RESEARCHER));
    }

    @GetMapping("/applications/{id}")
    String application(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user, Locale locale) {
        return applicationPage(model, calls.application(id, user), user, locale);
    }

    /** A reviewer's declaration of conflicts of interest: once, so it is confirmed first. */
    @PostMapping("/applications/{id}/declarations")
    String declare(@PathVariable UUID id, @Valid @ModelAttribute("declarationForm") DeclarationForm form,
                   BindingResult errors, @RequestParam(name = Confirmation.CONFIRMED, required = false)
                   String confirmed, HttpServletRequest request, Model model,
                   @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect, Locale locale) {
        Calls.ApplicationView submission = calls.application(id, user);
        if (!errors.hasErrors()) {
            if (!Confirmation.confirmed(confirmed)) {
                model.addAttribute("confirmation", new Confirmation(Forms.text("review.confirm.declare.title"),
                        Forms.text(form.conflict() ? "review.confirm.declare.what.yes" : "review.confirm.declare.what.no",
                                dash(form.conflictReason())),
                        Forms.text("review.confirm.declare.whom", submission.title()),
                        Forms.text("review.confirm.declare.irreversible"), "/applications/" + id + "/declarations",
                        Confirmation.values(request.getParameterMap()), Forms.text("review.declare.submit"),
                        "/applications/" + id));
                return Confirmation.VIEW;
            }
            try {
                calls.declare(id, form.conflict(), form.conflictReason(), user);
                redirect.addFlashAttribute("saved", Forms.text("review.saved.declared", submission.title()));
                return "redirect:/applications/" + id;
            } catch (BansoException e) {
                Forms.refusal(e).rename("reason", "conflictReason").into(errors);
            }
        }
        return applicationPage(model, submission, user, locale);
    }

    /** A reviewer's score: once, so it is confirmed first. */
    @PostMapping("/applications/{id}/reviews")
    String review(@PathVariable UUID id, @Valid @ModelAttribute("reviewForm") ReviewForm form, BindingResult errors,
                  @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                  HttpServletRequest request, Model model, @AuthenticationPrincipal BansoUser user,
                  RedirectAttributes redirect, Locale locale) {
        Calls.ApplicationView submission = calls.application(id, user);
        if (!errors.hasErrors()) {
            if (!Confirmation.confirmed(confirmed)) {
                model.addAttribute("confirmation", new Confirmation(Forms.text("review.confirm.score.title"),
                        Forms.text("review.confirm.score.what", form.score(), dash(form.comment())),
                        Forms.text("review.confirm.score.whom", submission.title()),
                        Forms.text("review.confirm.score.irreversible"), "/applications/" + id + "/reviews",
                        Confirmation.values(request.getParameterMap()), Forms.text("review.submit"),
                        "/applications/" + id));
                return Confirmation.VIEW;
            }
            try {
                calls.score(id, form.score(), form.comment(), user);
                redirect.addFlashAttribute("saved", Forms.text("review.saved.scored", submission.title()));
                return "redirect:/applications/" + id;
            } catch (BansoException e) {
                Forms.reject(errors, e);
            }
        }
        return applicationPage(model, submission, user, locale);
    }

    /**
     * A funding officer awards the application (R7, R10): the organizations, the competent ministry, its
     * representative and the social-implementation lead are chosen by name. Confirmed first: the budget is allocated
     * from the fund and, for the K Program, a council is proposed with the representative — none of it is undone.
     */
    @PostMapping("/applications/{id}/award")
    String award(@PathVariable UUID id, @Valid @ModelAttribute("awardForm") AwardForm form, BindingResult errors,
                 @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                 HttpServletRequest request, Model model, @AuthenticationPrincipal BansoUser user,
                 RedirectAttributes redirect, Locale locale) {
        Calls.ApplicationView submission = calls.application(id, user);
        if (!errors.hasErrors()) {
            Map<OrganizationId, OrganizationView> organizations = organizationsById();
            if (!Confirmation.confirmed(confirmed)) {
                Calls.CallView call = calls.call(submission.callId(), user);
                boolean kProgram = funding.fund(call.fundId(), user).program() == Program.K_PROGRAM;
                String names = form.organizationIds().stream()
                        .map(o -> name(organizations.get(new OrganizationId(o)), locale))
                        .collect(Collectors.joining("、"));
                String representative = form.representativeId() == null ? "—" : identity.user(
                        new UserId(form.representativeId())).map(u -> u.displayName()).orElse("—");
                model.addAttribute("confirmation", new Confirmation(Forms.text("award.confirm.title"),
                        Forms.text(kProgram ? "award.confirm.what.k" : "award.confirm.what", submission.title(),
                                FundingPages.yen(submission.totalCost(), locale),
                                name(organizations.get(new OrganizationId(form.competentMinistryId())), locale),
                                representative),
                        Forms.text("award.confirm.whom", names,
                                name(organizations.get(new OrganizationId(form.socialImplementationLeadId())), locale)),
                        Forms.text(kProgram ? "award.confirm.irreversible.k" : "award.confirm.irreversible"),
                        "/applications/" + id + "/award", Confirmation.values(request.getParameterMap()),
                        Forms.text("award.submit"), "/applications/" + id));
                return Confirmation.VIEW;
            }
            try {
                ProjectView project = calls.award(id, new Calls.AwardTerms(new TechnologyId(form.technologyId()),
                        form.organizationIds().stream().map(OrganizationId::new).toList(),
                        new OrganizationId(form.competentMinistryId()),
                        form.representativeId() == null ? null : new UserId(form.representativeId()),
                        new OrganizationId(form.socialImplementationLeadId()), form.socialImplementationPlan()), user);
                redirect.addFlashAttribute("saved", Forms.text(project.councilId() == null ? "award.saved"
                        : "award.saved.k", project.title(), FundingPages.yen(project.budget(), locale)));
                return "redirect:/projects/" + project.id();
            } catch (BansoException e) {
                Forms.refusal(e).rename("competentMinistryRepresentativeId", "representativeId").into(errors);
            }
        }
        return applicationPage(model, submission, user, locale);
    }

    /**
     * The application page: the form that was posted stays as it was sent (with its errors); the others are added
     * empty — the award form with the call's first technology and the principal investigator's organization chosen.
     */
    private String applicationPage(Model model, Calls.ApplicationView submission, BansoUser user, Locale locale) {
        if (!model.containsAttribute("declarationForm")) {
            model.addAttribute("declarationForm", DeclarationForm.empty());
        }
        if (!model.containsAttribute("reviewForm")) {
            model.addAttribute("reviewForm", ReviewForm.empty());
        }
        if (!model.containsAttribute("awardForm")) {
            UUID piOrganization = identity.user(submission.principalInvestigatorId())
                    .map(u -> u.organizationId().value()).orElse(null);
            Calls.CallView call = calls.call(submission.callId(), user);
            model.addAttribute("awardForm", AwardForm.empty(call.technologyIds().isEmpty() ? null
                    : call.technologyIds().get(0).value(), piOrganization == null ? List.of()
                    : List.of(piOrganization)));
        }
        fillApplication(model, submission, user, locale);
        return "funding/application";
    }

    private void fillApplication(Model model, Calls.ApplicationView submission, BansoUser user, Locale locale) {
        model.addAttribute("submission", submission);
        model.addAttribute("principalInvestigator", identity.user(submission.principalInvestigatorId())
                .map(u -> u.displayName()).orElse("—"));
        boolean reviewer = user.hasRole(Role.PROGRAM_OFFICER) || user.hasRole(Role.ANALYST);
        List<Calls.ReviewView> reviews = reviewer || user.hasRole(Role.FUNDING_OFFICER)
                || user.hasRole(Role.AUDITOR) ? calls.reviews(submission.id(), user) : List.of();
        model.addAttribute("reviews", reviews);
        model.addAttribute("mine", reviews.stream().filter(r -> r.reviewerId().equals(user.id())).findFirst()
                .orElse(null));
        model.addAttribute("reviewerNames", reviews.stream().collect(Collectors.toMap(r -> r.reviewerId(),
                r -> identity.user(r.reviewerId()).map(u -> u.displayName()).orElse("—"), (a, b) -> a)));
        model.addAttribute("canReview", reviewer);
        boolean canAward = user.hasRole(Role.FUNDING_OFFICER) && submission.status() == ApplicationStatus.SUBMITTED;
        model.addAttribute("canAward", canAward);
        if (canAward) {
            AwardForm form = model.getAttribute("awardForm") instanceof AwardForm bound ? bound
                    : AwardForm.empty(null, List.of());
            Calls.CallView call = calls.call(submission.callId(), user);
            Map<TechnologyId, String> names = technologyNames(user, locale);
            model.addAttribute("awardTechnologies", call.technologyIds().stream()
                    .collect(Collectors.toMap(t -> t, t -> names.getOrDefault(t, "—"), (a, b) -> a,
                            LinkedHashMap::new)));
            List<OrganizationView> organizations = identity.organizations();
            model.addAttribute("organizationChoices", IdentityChoices.organizations(organizations, Set.of(), locale,
                    null, ids(form.organizationIds())));
            model.addAttribute("ministryChoices", IdentityChoices.organizations(organizations,
                    Set.of(OrganizationKind.MINISTRY), locale, null, ids(form.competentMinistryId())));
            model.addAttribute("leadChoices", IdentityChoices.organizations(organizations, LEADS, locale, null,
                    ids(form.socialImplementationLeadId())));
            model.addAttribute("representativeChoices", IdentityChoices.people(identity.people(user), organizations,
                    Set.of(Role.MINISTRY_OFFICIAL), locale, null, ids(form.representativeId())));
            model.addAttribute("kProgram", funding.fund(call.fundId(), user).program() == Program.K_PROGRAM);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Map<OrganizationId, OrganizationView> organizationsById() {
        return identity.organizations().stream().collect(Collectors.toMap(OrganizationView::id, o -> o,
                (a, b) -> a));
    }

    private static String name(OrganizationView organization, Locale locale) {
        return organization == null ? "—" : organization.localName(locale);
    }

    private Map<TechnologyId, String> technologyNames(BansoUser user, Locale locale) {
        return technologies.technologies(user).stream().collect(Collectors.toMap(Technology::id,
                t -> t.localName(locale), (a, b) -> a));
    }

    /** The chosen values of a picker as the form holds them. */
    static List<String> ids(List<UUID> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull)
                .map(UUID::toString).toList();
    }

    static List<String> ids(UUID value) {
        return value == null ? List.of() : List.of(value.toString());
    }

    private static String dash(String text) {
        return text == null || text.isBlank() ? "—" : text.strip();
    }
}
