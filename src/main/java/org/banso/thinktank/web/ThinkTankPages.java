package org.banso.thinktank.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.Councils;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.Role;
import org.banso.information.InformationItems;
import org.banso.shared.BansoException;
import org.banso.shared.DateBounds;
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
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
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
    private final Councils councils;

    private final PlaceNames placeNames;

    ThinkTankPages(Indicators indicators, SupplyChain supplyChain, Rankings rankings, Commissions commissions,
                   IdentityManagement identity, FieldErrorMessages errorMessages, Councils councils,
                   PlaceNames placeNames) {
        this.councils = councils;
        this.placeNames = placeNames;
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
        // th:aria-label is evaluated in Thymeleaf's restricted mode, which forbids beans: the name comes ready
        model.addAttribute("placeName", placeNames.name(country));
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

    /** The indicator matrix for the signed-in page (the API's export wants a bearer token); the API's content. */
    @GetMapping("/thinktank/indicators.csv")
    ResponseEntity<byte[]> indicatorsCsv() {
        return IndicatorExport.csv(Indicators.BUILT_IN, indicators.matrix(Indicators.BUILT_IN));
    }

    @GetMapping("/thinktank/indicators.xlsx")
    ResponseEntity<byte[]> indicatorsXlsx() {
        return IndicatorExport.xlsx(Indicators.BUILT_IN, indicators.matrix(Indicators.BUILT_IN));
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

    /** Saaty's scale as offered in the form: how much more the row criterion matters than the column one. */
    static final List<String> SCALE = List.of("1/9", "1/7", "1/5", "1/3", "1", "3", "5", "7", "9");
    static final int FORM_ALTERNATIVES = 5;

    record Pair(String name, int row, int column) {
    }

    static final List<Pair> PAIRS = List.of(new Pair("c01", 0, 1), new Pair("c02", 0, 2), new Pair("c03", 0, 3),
            new Pair("c12", 1, 2), new Pair("c13", 1, 3), new Pair("c23", 2, 3));

    @GetMapping("/thinktank/rankings")
    String rankings(@AuthenticationPrincipal BansoUser user, Model model) {
        fillRankings(model, user, Map.of(), Map.of());
        return "thinktank/rankings";
    }

    @PostMapping("/thinktank/rankings")
    String compute(@RequestParam Map<String, String> form, @AuthenticationPrincipal BansoUser user, Model model) {
        try {
            double[][] m = new double[4][4];
            for (int i = 0; i < 4; i++) {
                m[i][i] = 1;
            }
            for (Pair p : PAIRS) {
                double v = saaty(form.getOrDefault(p.name(), "1"));
                m[p.row()][p.column()] = v;
                m[p.column()][p.row()] = 1 / v;
            }
            List<Rankings.Alternative> alternatives = new ArrayList<>();
            for (int i = 0; i < FORM_ALTERNATIVES; i++) {
                String label = form.getOrDefault("label" + i, "");
                String field = form.getOrDefault("field" + i, "");
                if (label.isBlank() && field.isBlank()) {
                    continue;
                }
                alternatives.add(new Rankings.Alternative(null, label, field.isBlank() ? null : field, null, null,
                        score(form.get("needs" + i)), score(form.get("risk" + i))));
            }
            Rankings.Ranking ranking = rankings.compute(new Rankings.RankingRequest(form.get("title"), null,
                    form.getOrDefault("country", "Japan"), year(form.get("year")), null, m, alternatives), user);
            return "redirect:/thinktank/rankings/" + ranking.id();
        } catch (BansoException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            fillRankings(model, user, form, errorMessages.byField(e));
            return "thinktank/rankings";
        }
    }

    private static double saaty(String value) {
        int i = SCALE.indexOf(value);
        if (i < 0) {
            throw BansoException.invalid("comparisons", "must be on Saaty's scale 1/9 … 9");
        }
        return value.startsWith("1/") ? 1.0 / Integer.parseInt(value.substring(2)) : Integer.parseInt(value);
    }

    private static Double score(String value) {
        try {
            return value == null || value.isBlank() ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer year(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void fillRankings(Model model, BansoUser user, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("rankings", rankings.rankings(user));
        model.addAttribute("canCompute", user != null && (user.hasRole(Role.ANALYST)
                || user.hasRole(Role.PROGRAM_OFFICER)));
        model.addAttribute("fields", indicators.fields(Indicators.BUILT_IN));
        model.addAttribute("criteria", Rankings.CRITERIA);
        model.addAttribute("pairs", PAIRS);
        model.addAttribute("scale", SCALE);
        model.addAttribute("slots", java.util.stream.IntStream.range(0, FORM_ALTERNATIVES).boxed().toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
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
                    LocalDate day = LocalDate.parse(date);
                    if (!DateBounds.DEFAULT.contains(day)) {
                        throw BansoException.invalid("confidentialityAgreedAt", "must be a date between "
                                + DateBounds.DEFAULT.earliest() + " and " + DateBounds.DEFAULT.latest());
                    }
                    agreed = day.atStartOfDay(ZoneOffset.ofHours(9)).toInstant();
                } catch (java.time.DateTimeException e) {
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

    /** R20: the commissioned entity's member submits a deliverable as a REPORT item of a council. */
    @PostMapping("/thinktank/commissions/{id}/deliverables/{deliverableId}/submission")
    String submitDeliverable(@PathVariable UUID id, @PathVariable UUID deliverableId,
                             @RequestParam(required = false) String councilId,
                             @RequestParam(name = "file", required = false) MultipartFile file,
                             @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect)
            throws java.io.IOException {
        try {
            CouncilId council = null;
            if (councilId != null && !councilId.isBlank()) {
                try {
                    council = new CouncilId(UUID.fromString(councilId));
                } catch (IllegalArgumentException e) {
                    throw BansoException.invalid("councilId", "must name a council");
                }
            }
            if (file == null || file.isEmpty()) {
                throw BansoException.invalid("file", "is required");
            }
            commissions.submitDeliverable(id, deliverableId, council,
                    new InformationItems.Upload(file.getOriginalFilename(), file.getInputStream()), user);
            redirect.addFlashAttribute("deliverableSubmitted", true);
        } catch (BansoException e) {
            if (e.code() == org.banso.shared.ProblemCode.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("deliverableError", String.join(" ", errorMessages.byField(e).values()));
        }
        return "redirect:/thinktank/entities#commissions";
    }

    private static LocalDate date(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (!DateBounds.DEFAULT.contains(day)) {
                throw BansoException.invalid(name, "must be a date between " + DateBounds.DEFAULT.earliest()
                        + " and " + DateBounds.DEFAULT.latest());
            }
            return day;
        } catch (java.time.DateTimeException e) {
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
        model.addAttribute("myOrganization", user == null ? null : user.organizationId());
        model.addAttribute("myCouncils", user == null ? List.of() : councils.councils(user));
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
