package org.banso.guideline.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.banso.guideline.GuidelineModel.MeasureKind;
import org.banso.guideline.GuidelineModel.MeasureStatus;
import org.banso.guideline.GuidelineModel.NewMeasure;
import org.banso.guideline.GuidelineModel.NewSection;
import org.banso.guideline.GuidelineModel.NewVersion;
import org.banso.guideline.GuidelineModel.Version;
import org.banso.guideline.Guidelines;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.banso.identity.Role;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.technology.Technology;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.banso.web.FieldErrorMessages;
import org.banso.web.FormValues;
import org.banso.web.NavigationItem;
import org.banso.web.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The guideline's pages: the public guideline in force, and program officers' drafting. */
@Controller
class GuidelinePages {

    private final Guidelines guidelines;
    private final IdentityManagement identity;
    private final TechnologyRegistry technologies;
    private final GuidelinePdfs pdfs;
    private final FieldErrorMessages errorMessages;

    GuidelinePages(Guidelines guidelines, IdentityManagement identity, TechnologyRegistry technologies,
                   GuidelinePdfs pdfs, FieldErrorMessages errorMessages) {
        this.guidelines = guidelines;
        this.identity = identity;
        this.technologies = technologies;
        this.pdfs = pdfs;
        this.errorMessages = errorMessages;
    }

    @GetMapping("/guideline")
    String current(Model model, @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("version", guidelines.current().orElse(null));
        fillLookups(model, user);
        return "guideline/current";
    }

    @GetMapping("/guideline/pdf")
    ResponseEntity<byte[]> pdf() {
        return pdfs.currentPdf();
    }

    @GetMapping("/guidelines")
    String versions(Model model, @AuthenticationPrincipal BansoUser user) {
        requireProgramOfficer(user);
        model.addAttribute("versions", guidelines.versions(user));
        model.addAttribute("current", guidelines.current().orElse(null));
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "guideline/versions";
    }

    @PostMapping("/guidelines")
    String draft(@RequestParam Map<String, String> form, Model model, @AuthenticationPrincipal BansoUser user) {
        try {
            UUID basedOn = form.get("basedOnId") == null || form.get("basedOnId").isBlank() ? null
                    : UUID.fromString(form.get("basedOnId"));
            Version draft = guidelines.draft(new NewVersion(form.get("titleJa"), form.get("titleEn"), basedOn), user);
            return "redirect:/guidelines/" + draft.id();
        } catch (BansoException e) {
            requireProgramOfficer(user);
            model.addAttribute("versions", guidelines.versions(user));
            model.addAttribute("current", guidelines.current().orElse(null));
            model.addAttribute("form", form);
            model.addAttribute("errors", errorMessages.byField(e));
            return "guideline/versions";
        }
    }

    @GetMapping("/guidelines/{id}")
    String version(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        fillVersion(model, id, user, Map.of(), Map.of());
        return "guideline/version";
    }

    @PostMapping("/guidelines/{id}/sections")
    String addSection(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
                      @AuthenticationPrincipal BansoUser user) {
        try {
            guidelines.addSection(id, new NewSection(form.get("headingJa"), form.get("headingEn"),
                    form.get("bodyJa"), form.get("bodyEn")), user);
            return "redirect:/guidelines/" + id + "#sections";
        } catch (BansoException e) {
            return redisplay(e, id, model, user, Map.of("section", form));
        }
    }

    @PostMapping("/guidelines/{id}/measures")
    String addMeasure(@PathVariable UUID id, @RequestParam Map<String, String> form,
                      @RequestParam(name = "technologyIds", required = false) List<UUID> technologyIds, Model model,
                      @AuthenticationPrincipal BansoUser user) {
        try {
            MeasureKind kind = FormValues.parse(form.get("kind"), MeasureKind::valueOf);
            UUID ministry = FormValues.parse(form.get("responsibleMinistryId"), UUID::fromString);
            guidelines.addMeasure(id, new NewMeasure(kind, form.get("titleJa"), form.get("titleEn"),
                    form.get("descriptionJa"), form.get("descriptionEn"),
                    ministry == null ? null : new OrganizationId(ministry),
                    technologyIds == null ? List.of() : technologyIds.stream().map(TechnologyId::new).toList()),
                    user);
            return "redirect:/guidelines/" + id + "#measures";
        } catch (BansoException e) {
            return redisplay(e, id, model, user, Map.of("measure", form));
        }
    }

    @PostMapping("/guidelines/{id}/enforce")
    String enforce(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user,
                   RedirectAttributes redirect) {
        try {
            guidelines.enforce(id, user);
            redirect.addFlashAttribute("enforced", true);
            return "redirect:/guideline";
        } catch (BansoException e) {
            if (e.code() != ProblemCode.GUIDELINE_INCOMPLETE) {
                throw e;
            }
            fillVersion(model, id, user, Map.of(), Map.of());
            model.addAttribute("incomplete", true);
            return "guideline/version";
        }
    }

    @PostMapping("/guidelines/measures/{measureId}/status")
    String measureStatus(@PathVariable UUID measureId, @RequestParam String status, @RequestParam UUID versionId,
                         @AuthenticationPrincipal BansoUser user) {
        guidelines.changeMeasureStatus(measureId, FormValues.parse(status, MeasureStatus::valueOf), user);
        return "redirect:/guidelines/" + versionId + "#measures";
    }

    private String redisplay(BansoException e, UUID id, Model model, BansoUser user,
                             Map<String, Map<String, String>> forms) {
        if (e.code() != ProblemCode.VALIDATION_FAILED) {
            throw e;
        }
        fillVersion(model, id, user, forms, errorMessages.byField(e));
        return "guideline/version";
    }

    private void fillVersion(Model model, UUID id, BansoUser user, Map<String, Map<String, String>> forms,
                             Map<String, String> errors) {
        Version version = guidelines.version(id, user)
                .orElseThrow(() -> BansoException.notFound("The guideline version"));
        model.addAttribute("version", version);
        model.addAttribute("editable", version.status().name().equals("DRAFT") && user != null
                && user.hasRole(Role.PROGRAM_OFFICER));
        model.addAttribute("canChangeStatus", user != null && user.hasRole(Role.PROGRAM_OFFICER));
        model.addAttribute("kinds", MeasureKind.values());
        model.addAttribute("measureStatuses", MeasureStatus.values());
        model.addAttribute("sectionForm", forms.getOrDefault("section", Map.of()));
        model.addAttribute("measureForm", forms.getOrDefault("measure", Map.of()));
        model.addAttribute("errors", errors);
        fillLookups(model, user);
    }

    private void fillLookups(Model model, BansoUser user) {
        List<OrganizationView> ministries = identity.organizations().stream()
                .filter(o -> o.kind() == OrganizationKind.MINISTRY).toList();
        model.addAttribute("ministries", ministries);
        model.addAttribute("organizationsById", identity.organizations().stream()
                .collect(Collectors.toMap(OrganizationView::id, Function.identity())));
        List<Technology> visible = technologies.technologies(user);
        model.addAttribute("technologyList", visible);
        model.addAttribute("technologiesById", visible.stream()
                .collect(Collectors.toMap(Technology::id, Function.identity())));
    }

    private static void requireProgramOfficer(BansoUser user) {
        if (user == null || !user.hasRole(Role.PROGRAM_OFFICER)) {
            throw new org.springframework.security.access.AccessDeniedException("PROGRAM_OFFICER only");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class GuidelineWebConfiguration {

        @Bean
        NavigationItem guidelineNavigation() {
            return new NavigationItem("nav.guideline", "/guideline", 10, NavigationItem.PUBLIC);
        }

        @Bean
        NavigationItem guidelineDraftingNavigation() {
            return new NavigationItem("nav.guidelines", "/guidelines", 15, "PROGRAM_OFFICER");
        }

        @Bean
        PublicEndpoints guidelinePublicEndpoints() {
            return () -> List.of("/guideline", "/guideline/pdf", "/guidelines/*", "/api/v1/guidelines",
                    "/api/v1/guidelines/current", "/api/v1/guidelines/current.pdf", "/api/v1/guidelines/*");
        }
    }
}
