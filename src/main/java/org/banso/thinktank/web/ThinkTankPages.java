package org.banso.thinktank.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.Role;
import org.banso.shared.BansoException;
import org.banso.thinktank.Commissions;
import org.banso.thinktank.Commissions.EntityRequest;
import org.banso.thinktank.Indicators;
import org.banso.thinktank.Indicators.Field;
import org.banso.thinktank.Indicators.Indicator;
import org.banso.thinktank.Rankings;
import org.banso.thinktank.SupplyChain;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Think-tank pages: analytics per field and country, the supply chain, rankings, entities and commissions. */
@Controller
class ThinkTankPages {

    private final Indicators indicators;
    private final SupplyChain supplyChain;
    private final Rankings rankings;
    private final Commissions commissions;
    private final IdentityManagement identity;
    private final FieldErrorMessages errorMessages;

    ThinkTankPages(Indicators indicators, SupplyChain supplyChain, Rankings rankings, Commissions commissions,
                   IdentityManagement identity, FieldErrorMessages errorMessages) {
        this.indicators = indicators;
        this.supplyChain = supplyChain;
        this.rankings = rankings;
        this.commissions = commissions;
        this.identity = identity;
        this.errorMessages = errorMessages;
    }

    record YearRow(int year, Indicator indicator) {
    }

    @GetMapping("/thinktank")
    String analytics(@RequestParam(defaultValue = "Japan") String country,
                     @RequestParam(defaultValue = "engineering") String field,
                     @RequestParam(required = false) Integer year, Model model) {
        String dataset = Indicators.BUILT_IN;
        List<Field> fields = indicators.fields(dataset);
        Field chosen = fields.stream().filter(f -> f.key().equals(field)).findFirst()
                .orElseThrow(() -> BansoException.notFound("The field"));
        int at = year == null ? chosen.lastYear() : year;
        List<Integer> years = new ArrayList<>();
        List<Double> si = new ArrayList<>();
        List<Double> share = new ArrayList<>();
        List<YearRow> rows = new ArrayList<>();
        for (int y = chosen.firstYear(); y <= chosen.lastYear(); y++) {
            Indicator i = indicators.indicator(dataset, country, field, y, false)
                    .orElseThrow(() -> BansoException.notFound("The country"));
            years.add(y);
            si.add(i.specialization());
            share.add(i.worldShare() == null ? null : i.worldShare() * 100);
            rows.add(new YearRow(y, i));
        }
        model.addAttribute("country", country);
        model.addAttribute("field", chosen);
        model.addAttribute("fields", fields);
        model.addAttribute("countries", indicators.rows(dataset));
        model.addAttribute("year", at);
        model.addAttribute("rows", rows);
        model.addAttribute("siChart", Charts.line(years, si, 1.0));
        model.addAttribute("shareChart", Charts.line(years, share, null));
        model.addAttribute("growth", indicators.growth(dataset, country, field,
                Math.max(chosen.firstYear(), chosen.lastYear() - 5), chosen.lastYear()).orElse(null));
        model.addAttribute("chart", Map.of("width", Charts.WIDTH, "height", Charts.HEIGHT, "left", Charts.LEFT,
                "right", Charts.WIDTH - Charts.RIGHT, "bottom", Charts.HEIGHT - Charts.BOTTOM, "top", Charts.TOP));
        return "thinktank/analytics";
    }

    @GetMapping("/thinktank/supply-chain")
    String supplyChain(@RequestParam(defaultValue = "JPN") String country, Model model) {
        SupplyChain.Profile profile = supplyChain.profile(country);
        List<SupplyChain.Position> stages = supplyChain.positions(country).stream()
                .filter(p -> p.type().equals("stage")).toList();
        model.addAttribute("profile", profile);
        model.addAttribute("stages", stages);
        model.addAttribute("stageBars", Charts.bars(stages.stream().map(SupplyChain.Position::name).toList(),
                stages.stream().map(SupplyChain.Position::share).toList()));
        model.addAttribute("chartHeight", Charts.TOP + stages.size() * 28 + 8);
        return "thinktank/supply-chain";
    }

    @GetMapping("/thinktank/rankings")
    String rankings(@AuthenticationPrincipal BansoUser user, Model model) {
        model.addAttribute("rankings", rankings.rankings(user));
        return "thinktank/rankings";
    }

    @GetMapping("/thinktank/rankings/{id}")
    String ranking(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user, Model model) {
        model.addAttribute("ranking", rankings.ranking(id, user)
                .orElseThrow(() -> BansoException.notFound("The ranking")));
        return "thinktank/ranking";
    }

    @GetMapping("/thinktank/entities")
    String entities(@AuthenticationPrincipal BansoUser user, Model model) {
        fillEntities(model, user, Map.of(), Map.of());
        return "thinktank/entities";
    }

    @PostMapping("/thinktank/entities")
    String registerEntity(@RequestParam Map<String, String> form, @AuthenticationPrincipal BansoUser user,
                          Model model, RedirectAttributes redirect) {
        try {
            OrganizationId org = null;
            try {
                org = new OrganizationId(UUID.fromString(form.getOrDefault("organizationId", "")));
            } catch (IllegalArgumentException e) {
                // reported as a field error by the service
            }
            Instant agreed = null;
            String date = form.get("confidentialityAgreedAt");
            if (date != null && !date.isBlank()) {
                try {
                    agreed = LocalDate.parse(date).atStartOfDay(ZoneOffset.ofHours(9)).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    throw BansoException.invalid("confidentialityAgreedAt", "must be a date");
                }
            }
            commissions.registerEntity(new EntityRequest(org, form.get("analysisCapability"),
                    form.get("hubCapability"), form.get("talentCapability"), agreed), user);
            redirect.addFlashAttribute("registered", true);
            return "redirect:/thinktank/entities";
        } catch (BansoException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            fillEntities(model, user, form, errorMessages.byField(e));
            return "thinktank/entities";
        }
    }

    @PostMapping("/thinktank/commissions")
    String commission(@RequestParam Map<String, String> form, @AuthenticationPrincipal BansoUser user, Model model,
                      RedirectAttributes redirect) {
        try {
            UUID entity = null;
            try {
                entity = UUID.fromString(form.getOrDefault("entityId", ""));
            } catch (IllegalArgumentException e) {
                // reported by the service
            }
            List<Commissions.DeliverableRequest> deliverables = new ArrayList<>();
            if (!form.getOrDefault("deliverableTitle", "").isBlank() || !form.getOrDefault("deliverableDue", "").isBlank()) {
                deliverables.add(new Commissions.DeliverableRequest(form.get("deliverableTitle"),
                        date(form, "deliverableDue")));
            }
            commissions.commission(new Commissions.CommissionRequest(entity, form.get("subject"), List.of(),
                    date(form, "periodStart"), date(form, "periodEnd"), deliverables), user);
            redirect.addFlashAttribute("commissioned", true);
            return "redirect:/thinktank/entities";
        } catch (BansoException e) {
            if (e.errors().isEmpty() && e.code() != org.banso.shared.ProblemCode.ENTITY_NOT_QUALIFIED) {
                throw e;
            }
            Map<String, String> errors = e.errors().isEmpty() ? Map.of("entityId", e.getMessage())
                    : errorMessages.byField(e);
            fillEntities(model, user, form, errors);
            return "thinktank/entities";
        }
    }

    private static LocalDate date(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw BansoException.invalid(name, "must be a date");
        }
    }

    private void fillEntities(Model model, BansoUser user, Map<String, String> form, Map<String, String> errors) {
        boolean government = user != null && (user.hasRole(Role.PROGRAM_OFFICER)
                || user.hasRole(Role.MINISTRY_OFFICIAL));
        model.addAttribute("entities", commissions.entities(user));
        model.addAttribute("commissions", commissions.commissions(user));
        model.addAttribute("organizations", government ? identity.organizations() : List.of());
        model.addAttribute("canManage", government);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    @Configuration(proxyBeanMethods = false)
    static class ThinkTankNavigation {

        @Bean
        NavigationItem thinkTankNavigation() {
            return new NavigationItem("nav.thinktank", "/thinktank", 40, NavigationItem.SIGNED_IN);
        }
    }
}
