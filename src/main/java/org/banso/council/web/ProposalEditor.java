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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the proposal form's designation editor offers (R15, R16): the council's items the person may see (by title,
 * category, version and marking), the current participants (by organisation and role), the council's projects (by
 * title), the item categories, the council's designations one may end or narrow, the configured bounds.
 */
@Component
class ProposalEditor {

    private final ObjectProvider<CouncilItems> items;
    private final ObjectProvider<CouncilProjects> projects;
    private final DecisionCards cards;

    ProposalEditor(ObjectProvider<CouncilItems> items, ObjectProvider<CouncilProjects> projects, DecisionCards cards) {
        this.items = items;
        this.projects = projects;
        this.cards = cards;
    }

    /** A participant as the editor lists it. */
    record Choice(UUID id, String label) {
    }

    /**
     * @param form        the form to show; a form sent back refused is the bound one, whose errors the model holds
     * @param hiddenItems items of the current designation the person cannot see: they stay, and the page says so
     */
    void fill(Model model, CouncilView council, BansoUser viewer, ProposalForm form, Set<UUID> hiddenItems) {
        CouncilItems port = items.getIfAvailable();
        if (model.getAttribute("proposalForm") != form) {
            // the form already there stays: putting it again would drop the binding result of one rebuilt (Forms.typed)
            model.addAttribute("proposalForm", form);
        }
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
}
