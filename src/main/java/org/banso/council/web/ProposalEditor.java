package org.banso.council.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.banso.council.CouncilItems;
import org.banso.council.CouncilItems.DesignationInForce;
import org.banso.council.CouncilProjects;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.ParticipantView;
import org.banso.council.Matter;
import org.banso.identity.BansoUser;
import org.banso.web.BindingMessages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the proposal form's designation editor offers (R15, R16): the council's items the person may see (by title,
 * category, version and marking), the current participants (by organisation and role), the council's projects (by
 * title), the item categories, the council's designations one may end or narrow, the configured bounds; and, for a
 * form that came back refused, the messages by field and the error summary.
 */
@Component
class ProposalEditor {

    /** The editor's fields in the order of the page, with their labels, for the error summary. */
    static final Map<String, String> LABELS = labels();
    /** Field → the id of its input (the summary links there). */
    static final Map<String, String> ANCHORS = anchors();

    private final ObjectProvider<CouncilItems> items;
    private final ObjectProvider<CouncilProjects> projects;
    private final DecisionCards cards;
    private final BindingMessages bindingMessages;

    ProposalEditor(ObjectProvider<CouncilItems> items, ObjectProvider<CouncilProjects> projects, DecisionCards cards,
                   BindingMessages bindingMessages) {
        this.items = items;
        this.projects = projects;
        this.cards = cards;
        this.bindingMessages = bindingMessages;
    }

    /** A participant as the editor lists it. */
    record Choice(UUID id, String label) {
    }

    /**
     * @param hiddenItems items of the current designation the person cannot see: they stay, and the page says so
     */
    void fill(Model model, CouncilView council, BansoUser viewer, ProposalForm form, Map<String, String> errors,
              Set<UUID> hiddenItems, boolean amending) {
        CouncilItems port = items.getIfAvailable();
        model.addAttribute("proposalForm", form);
        model.addAttribute("errors", errors);
        Map<String, String> anchors = ANCHORS;
        if (amending) {
            // the proposal page shows the text above the form: the amendment's inputs have ids of their own
            anchors = new LinkedHashMap<>(ANCHORS);
            anchors.put("title", "amend-title");
            anchors.put("body", "amend-body");
        }
        model.addAttribute("errorSummary", bindingMessages.summary(errors, LABELS, anchors, "proposal-form"));
        model.addAttribute("matters", Matter.values());
        model.addAttribute("editorItems", port == null ? List.of() : port.choices(council.id(), viewer));
        Function<ParticipantView, String> label = cards.participantLabel(council);
        List<Choice> participants = new ArrayList<>();
        council.participants().forEach(p -> participants.add(new Choice(p.id().value(), label.apply(p))));
        model.addAttribute("editorParticipants", participants);
        CouncilProjects projectPort = projects.getIfAvailable();
        Map<UUID, String> titles = new LinkedHashMap<>();
        Map<UUID, String> known = projectPort == null ? Map.of() : projectPort.titles(council.projectIds());
        int n = 1;
        for (UUID project : council.projectIds()) {
            titles.put(project, known.getOrDefault(project, "#" + n));
            n++;
        }
        model.addAttribute("editorProjects", titles);
        model.addAttribute("editorCategories", port == null ? List.of() : port.categories());
        model.addAttribute("editorSettings", port == null ? new CouncilItems.InformationSettings(60,
                java.time.Period.ofYears(5), 365) : port.settings(council.id()));
        List<DesignationInForce> designations = port == null ? List.of() : port.designations(council.id(), viewer);
        model.addAttribute("liftTarget", form.liftsDesignationId() == null ? null : designations.stream()
                .filter(d -> d.id().equals(form.liftsDesignationId())).findFirst().orElse(null));
        model.addAttribute("liftTargetCard", form.liftsDesignationId() == null ? null
                : cards.card(new org.banso.council.InformationTerms(null, form.liftsDesignationId(), null), council,
                viewer).lift());
        model.addAttribute("hiddenItemCount", hiddenItems.size());
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("matter", "proposal.matter");
        labels.put("title", "proposal.titleField");
        labels.put("body", "proposal.body");
        labels.put("deadlineDate", "proposal.deadline.date");
        labels.put("deadlineTime", "proposal.deadline.time");
        labels.put("liftMode", "editor.lift.mode");
        labels.put("liftsDesignationId", "editor.lift.title");
        labels.put("target", "editor.target");
        labels.put("itemIds", "editor.items");
        labels.put("ruleCategory", "editor.rule.category");
        labels.put("ruleProjectId", "editor.rule.project");
        labels.put("scope", "decision.scope");
        labels.put("periodStart", "editor.period.start");
        labels.put("periodEnd", "editor.period.end");
        labels.put("handling", "decision.handling");
        labels.put("afterPeriod", "decision.afterPeriod");
        labels.put("rationaleSocialImplementation", "decision.rationale.socialImplementation");
        labels.put("rationaleLeakagePrevention", "decision.rationale.leakagePrevention");
        labels.put("rationaleInnovation", "decision.rationale.innovation");
        labels.put("rationaleParticipationIncentive", "decision.rationale.participationIncentive");
        labels.put("reviewWindowDays", "decision.reviewWindow");
        return labels;
    }

    private static Map<String, String> anchors() {
        Map<String, String> anchors = new LinkedHashMap<>();
        anchors.put("matter", "matter");
        anchors.put("title", "proposal-title");
        anchors.put("body", "proposal-body");
        anchors.put("deadlineDate", "deadline-date");
        anchors.put("deadlineTime", "deadline-time");
        anchors.put("liftMode", "lift-mode-END");
        anchors.put("liftsDesignationId", "lift-mode-END");
        anchors.put("target", "target-NONE");
        anchors.put("itemIds", "items-group");
        anchors.put("ruleCategory", "rule-category");
        anchors.put("ruleProjectId", "rule-project");
        anchors.put("scope", "scope-group");
        anchors.put("periodStart", "period-start");
        anchors.put("periodEnd", "period-end");
        anchors.put("handling", "handling-VIEW_ONLY");
        anchors.put("afterPeriod", "after-PUBLIC");
        anchors.put("rationaleSocialImplementation", "rationale-social");
        anchors.put("rationaleLeakagePrevention", "rationale-leakage");
        anchors.put("rationaleInnovation", "rationale-innovation");
        anchors.put("rationaleParticipationIncentive", "rationale-incentive");
        anchors.put("reviewWindowDays", "review-window");
        return anchors;
    }
}
