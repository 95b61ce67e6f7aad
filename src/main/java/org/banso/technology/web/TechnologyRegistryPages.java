package org.banso.technology.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.shared.BansoException;
import org.banso.technology.Assessment;
import org.banso.technology.Assessment.Criterion;
import org.banso.technology.Technology;
import org.banso.technology.TechnologyArea;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyReference;
import org.banso.technology.TechnologyRegistry;
import org.banso.technology.TechnologyRegistry.NewAssessment;
import org.banso.technology.TechnologyRegistry.NewTechnology;
import org.banso.technology.TechnologyStatus;
import org.banso.technology.web.TechnologyForms.AssessmentForm;
import org.banso.technology.web.TechnologyForms.TechnologyForm;
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

/** The registry's pages: the public list of designated technologies, and the officers' and analysts' work. */
@Controller
class TechnologyRegistryPages {

    /** The five criteria of the basic guideline (R3), in the order of the form and the assessment table. */
    private static final List<String> CRITERIA = List.of("japanStrength", "foreignRdStatus", "socialNeeds",
            "leakageRisk", "dependenceRisk");

    private final TechnologyRegistry registry;
    private final TechnologyReference reference;

    TechnologyRegistryPages(TechnologyRegistry registry, TechnologyReference reference) {
        this.registry = registry;
        this.reference = reference;
    }

    @GetMapping("/technologies")
    String list(Model model, @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("technologyForm", TechnologyForm.empty());
        fillList(model, user);
        return "technology/technologies";
    }

    @PostMapping("/technologies")
    String register(@Valid @ModelAttribute("technologyForm") TechnologyForm form, BindingResult errors, Model model,
                    @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return Forms.submit(errors, () -> {
            Technology technology = registry.register(new NewTechnology(form.code(), form.nameJa(),
                    form.nameEn(), form.domain(), form.description()), user);
            redirect.addFlashAttribute("saved", technology.code());
            return "redirect:/technologies/" + technology.id();
        }, () -> {
            fillList(model, user);
            return "technology/technologies";
        });
    }

    @GetMapping("/technologies/{id}")
    String detail(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("assessmentForm", AssessmentForm.empty());
        fillDetail(model, id, user);
        return "technology/technology";
    }

    @PostMapping("/technologies/{id}/assessments")
    String assess(@PathVariable UUID id, @Valid @ModelAttribute("assessmentForm") AssessmentForm form,
                  BindingResult errors, Model model, @AuthenticationPrincipal BansoUser user,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                registry.assess(new TechnologyId(id), new NewAssessment(
                        new Criterion(form.japanStrengthScore(), form.japanStrengthEvidence()),
                        new Criterion(form.foreignRdStatusScore(), form.foreignRdStatusEvidence()),
                        new Criterion(form.socialNeedsScore(), form.socialNeedsEvidence()),
                        new Criterion(form.leakageRiskScore(), form.leakageRiskEvidence()),
                        new Criterion(form.dependenceRiskScore(), form.dependenceRiskEvidence()),
                        form.superiority(), form.marketUnderinvestment(), form.dualUse(),
                        List.of(new Assessment.Input(form.inputKind(), form.inputReference()))), user);
                redirect.addFlashAttribute("assessed", true);
                return "redirect:/technologies/" + id;
            } catch (BansoException e) {
                Forms.Refusal refusal = Forms.refusal(e).rename("inputs", "inputReference")
                        .rename("inputs[0].kind", "inputKind").rename("inputs[0].reference", "inputReference");
                for (String c : CRITERIA) {
                    refusal.rename(c + ".score", c + "Score").rename(c + ".evidence", c + "Evidence");
                }
                refusal.into(errors);
            }
        }
        fillDetail(model, id, user);
        return "technology/technology";
    }

    @PostMapping("/technologies/{id}/designate")
    String designate(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user,
                     RedirectAttributes redirect) {
        try {
            registry.designate(new TechnologyId(id), user);
            redirect.addFlashAttribute("designated", true);
            return "redirect:/technologies/" + id;
        } catch (BansoException e) {
            if (e.code() != org.banso.shared.ProblemCode.ASSESSMENT_REQUIRED) {
                throw e;
            }
            model.addAttribute("assessmentForm", AssessmentForm.empty());
            fillDetail(model, id, user);
            model.addAttribute("assessmentRequired", true);
            return "technology/technology";
        }
    }

    /**
     * Retiring is final (a retired technology never becomes a candidate or designated again), so it is first
     * confirmed on a page naming the technology and what cannot be undone; the result names the technology.
     */
    @PostMapping("/technologies/{id}/retire")
    String retire(@PathVariable UUID id, @RequestParam(name = Confirmation.CONFIRMED, required = false)
                  String confirmed, HttpServletRequest request, Model model, @AuthenticationPrincipal BansoUser user,
                  RedirectAttributes redirect, Locale locale) {
        TechnologyId technologyId = new TechnologyId(id);
        Technology technology = registry.technology(technologyId, user)
                .orElseThrow(() -> BansoException.notFound("The technology"));
        String name = technology.localName(locale);
        // retiring ends a designation, or drops a technology never designated from the candidates: worded as it is
        String as = technology.status() == TechnologyStatus.DESIGNATED ? "" : ".candidate";
        if (!Confirmation.confirmed(confirmed)) {
            model.addAttribute("confirmation", new Confirmation(Forms.text("tech.confirm.retire.title" + as),
                    Forms.text("tech.confirm.retire.what" + as, name,
                            Forms.text("tech.status." + technology.status().name())),
                    Forms.text("tech.confirm.retire.whom", name, technology.code()),
                    Forms.text("tech.confirm.retire.irreversible" + as), "/technologies/" + id + "/retire",
                    Confirmation.values(request.getParameterMap()),
                    Forms.text("tech.confirm.retire.submit" + as, name), "/technologies/" + id));
            return Confirmation.VIEW;
        }
        registry.retire(technologyId, user);
        redirect.addFlashAttribute("retired", Forms.text("tech.retired" + as, name, technology.code()));
        return "redirect:/technologies/" + id;
    }

    private void fillList(Model model, BansoUser user) {
        model.addAttribute("technologies", registry.technologies(user));
        model.addAttribute("areas", areasByCode());
        model.addAttribute("areaList", reference.areas());
        model.addAttribute("canRegister", user != null && user.hasRole(Role.PROGRAM_OFFICER));
    }

    private void fillDetail(Model model, UUID id, BansoUser user) {
        TechnologyId technologyId = new TechnologyId(id);
        Technology technology = registry.technology(technologyId, user)
                .orElseThrow(() -> BansoException.notFound("The technology"));
        boolean readsAssessments = registry.readsAssessments(user);
        model.addAttribute("technology", technology);
        model.addAttribute("area", areasByCode().get(technology.domain()));
        model.addAttribute("assessments", readsAssessments ? registry.assessments(technologyId, user) : List.of());
        model.addAttribute("readsAssessments", readsAssessments);
        model.addAttribute("canAssess", user != null && (user.hasRole(Role.PROGRAM_OFFICER)
                || user.hasRole(Role.ANALYST)));
        model.addAttribute("canDesignate", user != null && user.hasRole(Role.PROGRAM_OFFICER));
        model.addAttribute("criteria", CRITERIA);
    }

    private Map<String, TechnologyArea> areasByCode() {
        return reference.areas().stream().collect(Collectors.toMap(TechnologyArea::code, Function.identity()));
    }

    @Configuration(proxyBeanMethods = false)
    static class RegistryNavigation {

        @Bean
        NavigationItem technologiesNavigation() {
            return new NavigationItem("nav.registry", "/technologies", 20, NavigationItem.PUBLIC);
        }
    }
}
