package org.banso.thinktank.web;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import org.banso.council.CouncilId;
import org.banso.council.Councils;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.Role;
import org.banso.information.InformationItems;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.thinktank.Commissions;
import org.banso.thinktank.Commissions.EntityRequest;
import org.banso.thinktank.Indicators;
import org.banso.thinktank.Indicators.Field;
import org.banso.thinktank.Indicators.Indicator;
import org.banso.thinktank.Rankings;
import org.banso.thinktank.SupplyChain;
import org.banso.thinktank.web.ThinkTankForms.CommissionForm;
import org.banso.thinktank.web.ThinkTankForms.DeliverableForm;
import org.banso.thinktank.web.ThinkTankForms.EntityForm;
import org.banso.thinktank.web.ThinkTankForms.RankingForm;
import org.banso.web.Forms;
import org.banso.web.NavigationItem;
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
    private final Councils councils;

    private final PlaceNames placeNames;

    ThinkTankPages(Indicators indicators, SupplyChain supplyChain, Rankings rankings, Commissions commissions,
                   IdentityManagement identity, Councils councils,
                   PlaceNames placeNames) {
        this.councils = councils;
        this.placeNames = placeNames;
        this.indicators = indicators;
        this.supplyChain = supplyChain;
        this.rankings = rankings;
        this.commissions = commissions;
        this.identity = identity;
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
    /** A confidentiality agreement's date is a day in Japan. */
    private static final ZoneOffset JAPAN = ZoneOffset.ofHours(9);

    record Pair(String name, int row, int column) {
    }

    static final List<Pair> PAIRS = List.of(new Pair("c01", 0, 1), new Pair("c02", 0, 2), new Pair("c03", 0, 3),
            new Pair("c12", 1, 2), new Pair("c13", 1, 3), new Pair("c23", 2, 3));

    @GetMapping("/thinktank/rankings")
    String rankings(@AuthenticationPrincipal BansoUser user, Model model) {
        model.addAttribute("rankingForm", RankingForm.empty());
        fillRankings(model, user);
        return "thinktank/rankings";
    }

    @PostMapping("/thinktank/rankings")
    String compute(@Valid @ModelAttribute("rankingForm") RankingForm form, BindingResult errors,
                   @AuthenticationPrincipal BansoUser user, Model model) {
        if (!errors.hasErrors()) {
            double[][] m = new double[4][4];
            for (int i = 0; i < 4; i++) {
                m[i][i] = 1;
            }
            for (Pair p : PAIRS) {
                String value = form.pair(p.name());
                double v = value.startsWith("1/") ? 1.0 / Integer.parseInt(value.substring(2))
                        : Integer.parseInt(value);
                m[p.row()][p.column()] = v;
                m[p.column()][p.row()] = 1 / v;
            }
            List<Rankings.Alternative> alternatives = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            for (int i = 0; i < FORM_ALTERNATIVES; i++) {
                RankingForm.Slot slot = form.slot(i);
                if (slot.blank()) {
                    continue;
                }
                slots.add(i);
                alternatives.add(new Rankings.Alternative(null, slot.label(),
                        slot.field() == null || slot.field().isBlank() ? null : slot.field(), null, null,
                        slot.needs() == null ? null : slot.needs().doubleValue(),
                        slot.risk() == null ? null : slot.risk().doubleValue()));
            }
            try {
                Rankings.Ranking ranking = rankings.compute(new Rankings.RankingRequest(form.title(), null, "Japan",
                        form.year(), null, m, alternatives), user);
                return "redirect:/thinktank/rankings/" + ranking.id();
            } catch (BansoException e) {
                // the service numbers the technologies typed; the page numbers its slots, some left empty
                Forms.Refusal refusal = Forms.refusal(e).rename("alternatives", "label0")
                        .rename("comparisons", "c01");
                for (int k = 0; k < slots.size(); k++) {
                    int slot = slots.get(k);
                    String at = "alternatives[" + k + "]";
                    refusal.rename(at, "label" + slot).rename(at + ".label", "label" + slot)
                            .rename(at + ".field", "field" + slot)
                            .rename(at + ".technologyId", "label" + slot)
                            .rename(at + ".socialNeeds", "needs" + slot).rename(at + ".risk", "risk" + slot);
                }
                refusal.into(errors);
            }
        }
        fillRankings(model, user);
        return "thinktank/rankings";
    }

    private void fillRankings(Model model, BansoUser user) {
        model.addAttribute("rankings", rankings.rankings(user));
        model.addAttribute("canCompute", user != null && (user.hasRole(Role.ANALYST)
                || user.hasRole(Role.PROGRAM_OFFICER)));
        model.addAttribute("fields", indicators.fields(Indicators.BUILT_IN));
        model.addAttribute("criteria", Rankings.CRITERIA);
        model.addAttribute("pairs", PAIRS);
        model.addAttribute("scale", SCALE);
        model.addAttribute("slots", java.util.stream.IntStream.range(0, FORM_ALTERNATIVES).boxed().toList());
    }

    @GetMapping("/thinktank/rankings/{id}")
    String ranking(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user, Model model) {
        model.addAttribute("ranking", rankings.ranking(id, user)
                .orElseThrow(() -> BansoException.notFound("The ranking")));
        return "thinktank/ranking";
    }

    @GetMapping("/thinktank/entities")
    String entities(@AuthenticationPrincipal BansoUser user, Model model) {
        fillEntities(model, user);
        return "thinktank/entities";
    }

    @PostMapping("/thinktank/entities")
    String registerEntity(@Valid @ModelAttribute("entityForm") EntityForm form, BindingResult errors,
                          @AuthenticationPrincipal BansoUser user, Model model, RedirectAttributes redirect) {
        return Forms.submit(errors, () -> {
            commissions.registerEntity(new EntityRequest(new OrganizationId(form.organizationId()),
                    form.analysisCapability(), form.hubCapability(), form.talentCapability(),
                    form.confidentialityAgreedAt() == null ? null
                            : form.confidentialityAgreedAt().atStartOfDay(JAPAN).toInstant()), user);
            redirect.addFlashAttribute("registered", true);
            return "redirect:/thinktank/entities";
        }, () -> {
            fillEntities(model, user);
            return "thinktank/entities";
        });
    }

    @PostMapping("/thinktank/commissions")
    String commission(@Valid @ModelAttribute("commissionForm") CommissionForm form, BindingResult errors,
                      @AuthenticationPrincipal BansoUser user, Model model, RedirectAttributes redirect) {
        return Forms.submit(errors, () -> {
            List<Commissions.DeliverableRequest> deliverables = new ArrayList<>();
            if (!(form.deliverableTitle() == null || form.deliverableTitle().isBlank())
                    || form.deliverableDue() != null) {
                deliverables.add(new Commissions.DeliverableRequest(form.deliverableTitle(),
                        form.deliverableDue()));
            }
            commissions.commission(new Commissions.CommissionRequest(form.entityId(), form.subject(), List.of(),
                    form.periodStart(), form.periodEnd(), deliverables), user);
            redirect.addFlashAttribute("commissioned", true);
            return "redirect:/thinktank/entities";
        }, e -> Forms.refusal(e).onField(ProblemCode.ENTITY_NOT_QUALIFIED, "entityId")
                .rename("deliverables[0].title", "deliverableTitle")
                .rename("deliverables[0].dueOn", "deliverableDue"), () -> {
            fillEntities(model, user);
            return "thinktank/entities";
        });
    }

    /**
     * R20: the commissioned entity's member submits a deliverable as a REPORT item of a council. A refusal comes
     * back on the entities page, on the deliverable's own row.
     */
    @PostMapping("/thinktank/commissions/{id}/deliverables/{deliverableId}/submission")
    String submitDeliverable(@PathVariable UUID id, @PathVariable UUID deliverableId,
                             @Valid @ModelAttribute("deliverableForm") DeliverableForm form, BindingResult errors,
                             @AuthenticationPrincipal BansoUser user, Model model, RedirectAttributes redirect)
            throws java.io.IOException {
        DeliverableForm typed = Forms.typed(form, DeliverableForm.class, errors, model);
        MultipartFile file = typed.file();
        if (file == null || file.isEmpty()) {
            Forms.rejectValue(errors, "file", "NotNull", null, "is required");
        }
        if (!errors.hasErrors()) {
            try {
                commissions.submitDeliverable(id, deliverableId, new CouncilId(typed.councilId()),
                        new InformationItems.Upload(file.getOriginalFilename(), file.getInputStream()), user);
                redirect.addFlashAttribute("deliverableSubmitted", true);
                return "redirect:/thinktank/entities#commissions";
            } catch (BansoException e) {
                if (e.code() == ProblemCode.PLEDGE_REQUIRED) {
                    // the analyst's own council: they may sign there, so the refusal stays on their row
                    errors.rejectValue("councilId", "problem." + e.code().code(), e.getMessage());
                } else {
                    Forms.reject(errors, e);
                }
            }
        }
        model.addAttribute("refusedDeliverable", deliverableId);
        fillEntities(model, user);
        return "thinktank/entities";
    }

    private void fillEntities(Model model, BansoUser user) {
        boolean government = user != null && (user.hasRole(Role.PROGRAM_OFFICER)
                || user.hasRole(Role.MINISTRY_OFFICIAL));
        model.addAttribute("entities", commissions.entities(user));
        model.addAttribute("commissions", commissions.commissions(user));
        model.addAttribute("organizations", government ? identity.organizations() : List.of());
        model.addAttribute("canManage", government);
        model.addAttribute("myOrganization", user == null ? null : user.organizationId());
        model.addAttribute("myCouncils", user == null ? List.of() : councils.councils(user));
        if (!model.containsAttribute("entityForm")) {
            model.addAttribute("entityForm", EntityForm.empty());
        }
        if (!model.containsAttribute("commissionForm")) {
            model.addAttribute("commissionForm", CommissionForm.empty());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ThinkTankNavigation {

        @Bean
        NavigationItem thinkTankNavigation() {
            return new NavigationItem("nav.thinktank", "/thinktank", 40, NavigationItem.SIGNED_IN);
        }
    }
}
