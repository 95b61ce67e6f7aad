package org.banso.technology.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
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
import org.banso.web.Confirmation;
import org.banso.web.FieldErrorMessages;
import org.banso.web.Forms;
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

/** The registry's pages: the public list of designated technologies, and the officers' and analysts' work. */
@Controller
class TechnologyRegistryPages {

    private final TechnologyRegistry registry;
    private final TechnologyReference reference;
    private final FieldErrorMessages errorMessages;

    TechnologyRegistryPages(TechnologyRegistry registry, TechnologyReference reference,
                            FieldErrorMessages errorMessages) {
        this.registry = registry;
        this.reference = reference;
        this.errorMessages = errorMessages;
    }

    @GetMapping("/technologies")
    String list(Model model, @AuthenticationPrincipal BansoUser user) {
        fillList(model, user, Map.of(), Map.of());
        return "technology/technologies";
    }

    @PostMapping("/technologies")
    String register(@RequestParam Map<String, String> form, Model model, @AuthenticationPrincipal BansoUser user,
                    RedirectAttributes redirect) {
        try {
            Technology technology = registry.register(new NewTechnology(form.get("code"), form.get("nameJa"),
                    form.get("nameEn"), form.get("domain"), form.get("description")), user);
            redirect.addFlashAttribute("saved", technology.code());
            return "redirect:/technologies/" + technology.id();
        } catch (BansoException e) {
            fillList(model, user, form, errorMessages.byField(e));
            return "technology/technologies";
        }
    }

    @GetMapping("/technologies/{id}")
    String detail(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        fillDetail(model, id, user, Map.of(), Map.of());
        return "technology/technology";
    }

    @PostMapping("/technologies/{id}/assessments")
    String assess(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
                  @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        try {
            List<Assessment.Input> inputs = new ArrayList<>();
            if (form.get("inputReference") != null && !form.get("inputReference").isBlank()) {
                inputs.add(new Assessment.Input(parseKind(form.get("inputKind")), form.get("inputReference")));
            }
            registry.assess(new TechnologyId(id), new NewAssessment(criterion(form, "japanStrength"),
                    criterion(form, "foreignRdStatus"), criterion(form, "socialNeeds"), criterion(form, "leakageRisk"),
                    criterion(form, "dependenceRisk"), form.get("superiority"), form.get("marketUnderinvestment"),
                    form.get("dualUse"), inputs), user);
            redirect.addFlashAttribute("assessed", true);
            return "redirect:/technologies/" + id;
        } catch (BansoException e) {
            fillDetail(model, id, user, form, errorMessages.byField(e));
            return "technology/technology";
        }
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
            fillDetail(model, id, user, Map.of(), Map.of("designate", e.getMessage()));
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
        if (!Confirmation.confirmed(confirmed)) {
            model.addAttribute("confirmation", new Confirmation(Forms.text("tech.confirm.retire.title"),
                    Forms.text("tech.confirm.retire.what", name,
                            Forms.text("tech.status." + technology.status().name())),
                    Forms.text("tech.confirm.retire.whom", name, technology.code()),
                    Forms.text("tech.confirm.retire.irreversible"), "/technologies/" + id + "/retire",
                    Confirmation.values(request.getParameterMap()), Forms.text("tech.confirm.retire.submit", name),
                    "/technologies/" + id));
            return Confirmation.VIEW;
        }
        registry.retire(technologyId, user);
        redirect.addFlashAttribute("retired", Forms.text("tech.retired", name, technology.code()));
        return "redirect:/technologies/" + id;
    }

    private void fillList(Model model, BansoUser user, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("technologies", registry.technologies(user));
        model.addAttribute("areas", areasByCode());
        model.addAttribute("areaList", reference.areas());
        model.addAttribute("canRegister", user != null && user.hasRole(Role.PROGRAM_OFFICER));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    private void fillDetail(Model model, UUID id, BansoUser user, Map<String, String> form,
                            Map<String, String> errors) {
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
        model.addAttribute("criteria", List.of("japanStrength", "foreignRdStatus", "socialNeeds", "leakageRisk",
                "dependenceRisk"));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    private Map<String, TechnologyArea> areasByCode() {
        return reference.areas().stream().collect(Collectors.toMap(TechnologyArea::code, Function.identity()));
    }

    private static Criterion criterion(Map<String, String> form, String name) {
        Integer score;
        try {
            score = Integer.valueOf(form.getOrDefault(name + ".score", ""));
        } catch (NumberFormatException e) {
            score = null;
        }
        return new Criterion(score, form.get(name + ".evidence"));
    }

    private static Assessment.InputKind parseKind(String value) {
        try {
            return value == null ? null : Assessment.InputKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RegistryNavigation {

        @Bean
        NavigationItem technologiesNavigation() {
            return new NavigationItem("nav.registry", "/technologies", 20, NavigationItem.PUBLIC);
        }
    }
}
