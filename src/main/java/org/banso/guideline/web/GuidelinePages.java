package org.banso.guideline.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.banso.guideline.GuidelineModel.MeasureKind;
import org.banso.guideline.GuidelineModel.MeasureStatus;
import org.banso.guideline.GuidelineModel.NewMeasure;
import org.banso.guideline.GuidelineModel.NewSection;
import org.banso.guideline.GuidelineModel.NewVersion;
import org.banso.guideline.GuidelineModel.Version;
import org.banso.guideline.GuidelineModel.VersionStatus;
import org.banso.guideline.Guidelines;
import org.banso.guideline.web.GuidelineForms.DraftForm;
import org.banso.guideline.web.GuidelineForms.MeasureForm;
import org.banso.guideline.web.GuidelineForms.MeasureStatusForm;
import org.banso.guideline.web.GuidelineForms.SectionForm;
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
import org.banso.web.Forms;
import org.banso.web.NavigationItem;
import org.banso.web.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The guideline's pages: the public guideline in force, and program officers' drafting. */
@Controller
class GuidelinePages {

    private final Guidelines guidelines;
    private final IdentityManagement identity;
    private final TechnologyRegistry technologies;
    private final GuidelinePdfs pdfs;

    GuidelinePages(Guidelines guidelines, IdentityManagement identity, TechnologyRegistry technologies,
                   GuidelinePdfs pdfs) {
        this.guidelines = guidelines;
        this.identity = identity;
        this.technologies = technologies;
        this.pdfs = pdfs;
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
        model.addAttribute("draftForm", DraftForm.empty(guidelines.current().map(Version::id).orElse(null)));
        fillVersions(model, user);
        return "guideline/versions";
    }

    @PostMapping("/guidelines")
    String draft(@Valid @ModelAttribute("draftForm") DraftForm form, BindingResult errors, Model model,
                 @AuthenticationPrincipal BansoUser user) {
        requireProgramOfficer(user);
        return Forms.submit(errors, () -> {
            Version draft = guidelines.draft(new NewVersion(form.titleJa(), form.titleEn(), form.basedOnId()),
                    user);
            return "redirect:/guidelines/" + draft.id();
        }, () -> {
            fillVersions(model, user);
            return "guideline/versions";
        });
    }

    private void fillVersions(Model model, BansoUser user) {
        model.addAttribute("versions", guidelines.versions(user));
        model.addAttribute("current", guidelines.current().orElse(null));
    }

    @GetMapping("/guidelines/{id}")
    String version(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        fillVersion(model, id, user);
        return "guideline/version";
    }

    @PostMapping("/guidelines/{id}/sections")
    String addSection(@PathVariable UUID id, @Valid @ModelAttribute("sectionForm") SectionForm form,
                      BindingResult errors, Model model, @AuthenticationPrincipal BansoUser user) {
        return Forms.submit(errors, () -> {
            guidelines.addSection(id, new NewSection(form.headingJa(), form.headingEn(), form.bodyJa(),
                    form.bodyEn()), user);
            return "redirect:/guidelines/" + id + "#sections";
        }, () -> {
            fillVersion(model, id, user);
            return "guideline/version";
        });
    }

    @PostMapping("/guidelines/{id}/measures")
    String addMeasure(@PathVariable UUID id, @Valid @ModelAttribute("measureForm") MeasureForm form,
                      BindingResult errors, Model model, @AuthenticationPrincipal BansoUser user) {
        return Forms.submit(errors, () -> {
            guidelines.addMeasure(id, new NewMeasure(form.kind(), form.titleJa(), form.titleEn(),
                    form.descriptionJa(), form.descriptionEn(), new OrganizationId(form.responsibleMinistryId()),
                    form.technologyIds() == null ? List.of()
                            : form.technologyIds().stream().map(TechnologyId::new).toList()), user);
            return "redirect:/guidelines/" + id + "#measures";
        }, () -> {
            fillVersion(model, id, user);
            return "guideline/version";
        });
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
            fillVersion(model, id, user);
            model.addAttribute("incomplete", true);
            return "guideline/version";
        }
    }

    /**
     * A measure's status from its row; a status or version that does not bind comes back on the version page
     * (the one the row belongs to), the row's select marked.
     */
    @PostMapping("/guidelines/measures/{measureId}/status")
    String measureStatus(@PathVariable UUID measureId,
                         @Valid @ModelAttribute("measureStatusForm") MeasureStatusForm form, BindingResult errors,
                         Model model, @AuthenticationPrincipal BansoUser user) {
        return Forms.submit(errors, () -> {
            guidelines.changeMeasureStatus(measureId, form.status(), user);
            return "redirect:/guidelines/" + form.versionId() + "#measures";
        }, () -> {
            requireProgramOfficer(user);
            Version version = guidelines.versions(user).stream()
                    .filter(v -> v.measures().stream().anyMatch(m -> m.id().equals(measureId))).findFirst()
                    .orElseThrow(() -> BansoException.notFound("The measure"));
            model.addAttribute("statusMeasureId", measureId);
            fillVersion(model, version.id(), user);
            return "guideline/version";
        });
    }

    private void fillVersion(Model model, UUID id, BansoUser user) {
        Version version = guidelines.version(id, user)
                .orElseThrow(() -> BansoException.notFound("The guideline version"));
        model.addAttribute("version", version);
        model.addAttribute("editable", version.status() == VersionStatus.DRAFT && user != null
                && user.hasRole(Role.PROGRAM_OFFICER));
        model.addAttribute("canChangeStatus", user != null && user.hasRole(Role.PROGRAM_OFFICER));
        model.addAttribute("kinds", MeasureKind.values());
        model.addAttribute("measureStatuses", MeasureStatus.values());
        if (!model.containsAttribute("sectionForm")) {
            model.addAttribute("sectionForm", SectionForm.empty());
        }
        if (!model.containsAttribute("measureForm")) {
            model.addAttribute("measureForm", MeasureForm.empty());
        }
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
