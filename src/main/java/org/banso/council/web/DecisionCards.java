package org.banso.council.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.banso.council.CouncilId;
import org.banso.council.CouncilItems;
import org.banso.council.CouncilItems.DesignationInForce;
import org.banso.council.CouncilItems.ItemChoice;
import org.banso.council.CouncilProjects;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.ParticipantView;
import org.banso.council.CouncilViews.RevisionView;
import org.banso.council.Designation;
import org.banso.council.InformationTerms;
import org.banso.identity.BansoUser;
import org.banso.web.DateFormats;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a proposal asks everyone to consent to, as a person reads it (R14–R16): the decision card — what will be
 * controlled (items by title, or the rule), for whom (organisations by name, and who is left out), from when until
 * when, the handling, what the items become afterwards, the four rationales; an early end or narrowing and what it
 * ends; a review window — and the comparison of two revisions, field by field. Items are named only as the
 * information module's access policy lets the reader see them; the others are counted, never named.
 */
@Component
class DecisionCards {

    private final ObjectProvider<CouncilItems> items;
    private final ObjectProvider<CouncilProjects> projects;
    private final CouncilNames names;
    private final MessageSource messages;

    DecisionCards(ObjectProvider<CouncilItems> items, ObjectProvider<CouncilProjects> projects, CouncilNames names,
                  MessageSource messages) {
        this.items = items;
        this.projects = projects;
        this.names = names;
        this.messages = messages;
    }

    /**
     * @param items       the designated items the reader may see, by title
     * @param hiddenItems how many designated items the reader may not see
     * @param ruleProject the project a rule is limited to, by title (null: every project of the council)
     * @param scope       the participants in scope, by name and role
     * @param leftOut     the current participants not in scope
     * @param end         exclusive: the period ends when this instant comes
     */
    record Card(boolean designates, List<ItemChoice> items, int hiddenItems, String ruleCategory,
                String ruleProject, List<String> scope, List<String> leftOut, Instant start, Instant end,
                String handling, String afterPeriod, Designation.Rationale rationale, Lift lift,
                Integer reviewWindowDays, int reviewWindowNow) {

        public boolean isEmpty() {
            return !designates && lift == null && reviewWindowDays == null;
        }
    }

    /** The designation a proposal ends early or narrows, as it stands. */
    record Lift(UUID designationId, boolean narrowing, boolean known, List<ItemChoice> items, int hiddenItems,
                Instant start, Instant end, DesignationInForce.State state) {
    }

    /** One line of a revision comparison: the field, its value in each revision, and whether it changed. */
    record Row(String label, String before, String after, boolean changed) {
    }

    Card card(InformationTerms terms, CouncilView council, BansoUser viewer) {
        CouncilItems port = items.getIfAvailable();
        CouncilId id = council.id();
        int window = port == null ? 0 : port.settings(id).reviewWindowDays();
        Lift lift = terms.liftsDesignationId() == null ? null : lift(terms, council, viewer, port);
        Designation d = terms.designation();
        if (d == null) {
            return new Card(false, List.of(), 0, null, null, List.of(), List.of(), null, null, null, null, null,
                    lift, terms.reviewWindowDays(), window);
        }
        List<UUID> ids = d.itemIds() == null ? List.of() : d.itemIds();
        Map<UUID, ItemChoice> named = ids.isEmpty() || port == null ? Map.of() : port.named(id, ids, viewer);
        Set<UUID> scope = new LinkedHashSet<>(d.scopeParticipantIds() == null ? List.of() : d.scopeParticipantIds());
        Function<ParticipantView, String> label = participantLabel(council);
        List<String> inScope = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (ParticipantView p : council.participants()) {
            (scope.contains(p.id().value()) ? inScope : leftOut).add(label.apply(p));
        }
        long gone = scope.stream().filter(s -> council.participants().stream()
                .noneMatch(p -> p.id().value().equals(s))).count();
        if (gone > 0) {
            inScope.add(text("decision.scope.gone", gone));
        }
        String project = d.rule() == null || d.rule().projectId() == null ? null
                : projectTitle(d.rule().projectId());
        return new Card(true, List.copyOf(named.values()), ids.size() - named.size(),
                d.rule() == null ? null : d.rule().category(), project, inScope, leftOut, d.periodStart(),
                d.periodEnd(), d.handling(), d.afterPeriod(), d.rationale(), lift, terms.reviewWindowDays(),
                window);
    }

    private Lift lift(InformationTerms terms, CouncilView council, BansoUser viewer, CouncilItems port) {
        UUID target = terms.liftsDesignationId();
        DesignationInForce found = port == null ? null : port.designations(council.id(), viewer).stream()
                .filter(d -> d.id().equals(target)).findFirst().orElse(null);
        if (found == null) {
            return new Lift(target, terms.designation() != null, false, List.of(), 0, null, null, null);
        }
        List<UUID> ids = found.designation().itemIds();
        Map<UUID, ItemChoice> named = ids.isEmpty() ? Map.of() : port.named(council.id(), ids, viewer);
        return new Lift(target, terms.designation() != null, true, List.copyOf(named.values()),
                ids.size() - named.size(), found.designation().periodStart(), found.designation().periodEnd(),
                found.state());
    }

    String projectTitle(UUID project) {
        CouncilProjects port = projects.getIfAvailable();
        String title = port == null ? null : port.titles(List.of(project)).get(project);
        return title != null ? title : text("decision.project.unnamed");
    }

    /** "組織名（役割）" in the page's language. */
    Function<ParticipantView, String> participantLabel(CouncilView council) {
        Map<String, String> byId = names.of(council);
        boolean ja = isJapanese();
        return p -> {
            String name = ja ? byId.get(p.id().toString()) : byId.get(p.id() + ".en");
            return text("decision.participant", name == null ? p.id().toString() : name,
                    text("participant.role." + p.role().name()));
        };
    }

    /**
     * Field by field, what two revisions propose; sets of items and participants are compared as sets, the texts as
     * written.
     */
    List<Row> compare(RevisionView before, RevisionView after, CouncilView council, BansoUser viewer) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("proposal.titleField", before.title(), after.title()));
        rows.add(row("proposal.body", before.body(), after.body()));
        rows.add(row("proposal.deadline", dateTime(before.responseDeadline()), dateTime(after.responseDeadline())));
        Designation a = before.designation();
        Designation b = after.designation();
        Set<UUID> allItems = new HashSet<>();
        if (a != null && a.itemIds() != null) {
            allItems.addAll(a.itemIds());
        }
        if (b != null && b.itemIds() != null) {
            allItems.addAll(b.itemIds());
        }
        CouncilItems port = items.getIfAvailable();
        Map<UUID, ItemChoice> named = allItems.isEmpty() || port == null ? Map.of()
                : port.named(council.id(), allItems, viewer);
        Function<ParticipantView, String> label = participantLabel(council);
        rows.add(setRow("decision.target", target(a, named), target(b, named)));
        rows.add(setRow("decision.scope", scope(a, council, label), scope(b, council, label)));
        rows.add(row("decision.period", period(a), period(b)));
        rows.add(row("decision.handling", a == null ? "—" : enumText("decision.handling.", a.handling()),
                b == null ? "—" : enumText("decision.handling.", b.handling())));
        rows.add(row("decision.afterPeriod", a == null ? "—" : enumText("decision.after.", a.afterPeriod()),
                b == null ? "—" : enumText("decision.after.", b.afterPeriod())));
        rows.add(row("decision.rationale.socialImplementation", rationale(a, Designation.Rationale::socialImplementation),
                rationale(b, Designation.Rationale::socialImplementation)));
        rows.add(row("decision.rationale.leakagePrevention", rationale(a, Designation.Rationale::leakagePrevention),
                rationale(b, Designation.Rationale::leakagePrevention)));
        rows.add(row("decision.rationale.innovation", rationale(a, Designation.Rationale::innovation),
                rationale(b, Designation.Rationale::innovation)));
        rows.add(row("decision.rationale.participationIncentive",
                rationale(a, Designation.Rationale::participationIncentive),
                rationale(b, Designation.Rationale::participationIncentive)));
        rows.add(row("decision.lift", lift(before.terms()), lift(after.terms())));
        rows.add(row("decision.reviewWindow", window(before.reviewWindowDays()), window(after.reviewWindowDays())));
        return rows;
    }

    private Row row(String labelKey, String before, String after) {
        return new Row(text(labelKey), before == null ? "—" : before, after == null ? "—" : after,
                !Objects.equals(before, after));
    }

    private Row setRow(String labelKey, Collection<String> before, Collection<String> after) {
        boolean changed = !new HashSet<>(before).equals(new HashSet<>(after));
        return new Row(text(labelKey), before.isEmpty() ? "—" : String.join("\n", before),
                after.isEmpty() ? "—" : String.join("\n", after), changed);
    }

    private List<String> target(Designation d, Map<UUID, ItemChoice> named) {
        if (d == null) {
            return List.of(text("decision.none"));
        }
        if (d.rule() != null) {
            String category = enumText("information.category.", d.rule().category());
            return List.of(d.rule().projectId() == null ? text("decision.rule.all", category)
                    : text("decision.rule.project", category, projectTitle(d.rule().projectId())));
        }
        List<String> lines = new ArrayList<>();
        int hidden = 0;
        for (UUID id : d.itemIds() == null ? List.<UUID>of() : d.itemIds()) {
            ItemChoice item = named.get(id);
            if (item == null) {
                hidden++;
            } else {
                lines.add(item.title());
            }
        }
        if (hidden > 0) {
            lines.add(text("decision.items.hidden", hidden));
        }
        return lines;
    }

    private List<String> scope(Designation d, CouncilView council, Function<ParticipantView, String> label) {
        if (d == null || d.scopeParticipantIds() == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (ParticipantView p : council.participants()) {
            if (d.scopeParticipantIds().contains(p.id().value())) {
                lines.add(label.apply(p));
            }
        }
        return lines;
    }

    private String period(Designation d) {
        if (d == null) {
            return null;
        }
        return text("decision.period.range", d.periodStart() == null ? text("decision.period.fromAdoption")
                : date(d.periodStart()), d.periodEnd() == null ? "—" : date(ProposalForm.endDate(d.periodEnd())
                .atStartOfDay(DateFormats.JAPAN).toInstant()));
    }

    private String rationale(Designation d, Function<Designation.Rationale, String> part) {
        return d == null || d.rationale() == null ? null : part.apply(d.rationale());
    }

    private String lift(InformationTerms terms) {
        if (terms.liftsDesignationId() == null) {
            return null;
        }
        return text(terms.designation() == null ? "decision.lift.end" : "decision.lift.narrow");
    }

    private String window(Integer days) {
        return days == null ? null : text("decision.reviewWindow.days", days);
    }

    private String enumText(String prefix, String value) {
        return value == null ? "—" : text(prefix + value);
    }

    private String dateTime(Instant instant) {
        if (instant == null) {
            return null;
        }
        return DateFormats.date(instant, locale()) + " "
                + java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(DateFormats.JAPAN));
    }

    private String date(Instant instant) {
        return DateFormats.date(instant, locale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static boolean isJapanese() {
        return "ja".equals(locale().getLanguage());
    }
}
