package org.banso.information.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilItems;
import org.banso.council.Designation;
import org.banso.identity.BansoUser;
import org.banso.information.AccessDecision;
import org.banso.information.InformationAccessPolicy;
import org.banso.information.InformationAction;
import org.banso.information.InformationItems;
import org.banso.information.InformationItems.DesignationView;
import org.banso.information.ItemId;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.stereotype.Component;

/**
 * Answers the council module's questions about its information (R11, R15, R16) through the facade and its one access
 * policy: every item named is one the person may see (each decision logged like any other), every designation one
 * the council's pledged members may read.
 */
@Component
class CouncilItemsAdapter implements CouncilItems {

    private final InformationItems items;
    private final InformationAccessPolicy policy;
    private final ReviewWindows reviewWindows;
    private final InformationProperties properties;
    private final Clock clock;

    CouncilItemsAdapter(InformationItems items, InformationAccessPolicy policy, ReviewWindows reviewWindows,
                        InformationProperties properties, Clock clock) {
        this.items = items;
        this.policy = policy;
        this.reviewWindows = reviewWindows;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean allVisibleInCouncil(CouncilId council, List<UUID> ids, BansoUser actor) {
        return items.allVisibleInCouncil(council, ids.stream().map(ItemId::new).toList(), actor);
    }

    @Override
    public List<ItemChoice> choices(CouncilId council, BansoUser viewer) {
        try {
            return items.items(council, viewer).stream().map(s -> new ItemChoice(s.id().value(), s.title(),
                    s.category().name(), s.latestVersion(), s.marking().name())).toList();
        } catch (BansoException e) {
            return List.of();
        }
    }

    @Override
    public Map<UUID, ItemChoice> named(CouncilId council, Collection<UUID> ids, BansoUser viewer) {
        Map<UUID, ItemChoice> named = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (UUID id : ids) {
            ItemId item = new ItemId(id);
            AccessDecision decision = policy.decide(viewer, InformationAction.METADATA, item, now);
            if (decision.permitted()) {
                InformationItems.ItemView view = items.item(item, viewer);
                if (council.equals(view.councilId())) {
                    named.put(id, new ItemChoice(id, view.title(), view.category().name(),
                            view.versions().isEmpty() ? 0 : view.versions().get(0).version(),
                            view.marking().name()));
                }
            }
        }
        return named;
    }

    @Override
    public List<DesignationInForce> designations(CouncilId council, BansoUser viewer) {
        try {
            return items.designations(council, viewer).stream().map(CouncilItemsAdapter::inForce).toList();
        } catch (BansoException e) {
            if (e.code() == ProblemCode.NOT_FOUND || e.code() == ProblemCode.PLEDGE_REQUIRED) {
                return List.of();
            }
            throw e;
        }
    }

    private static DesignationInForce inForce(DesignationView d) {
        Designation designation = new Designation(d.itemIds().stream().map(ItemId::value).toList(),
                d.rule() == null ? null : new Designation.Rule(d.rule().category().name(), d.rule().projectId()),
                d.scopeParticipantIds().stream().map(p -> p.value()).toList(), d.periodStart(), d.periodEnd(),
                d.handling().name(), d.afterPeriod().name(), d.rationale());
        return new DesignationInForce(d.id().value(), d.proposalId().value(), designation,
                DesignationInForce.State.valueOf(d.state().name()),
                d.liftedByProposal() == null ? null : d.liftedByProposal().value(), d.statedPeriodEnd());
    }

    @Override
    public List<String> categories() {
        return java.util.Arrays.stream(org.banso.information.ItemCategory.values()).map(Enum::name).toList();
    }

    @Override
    public InformationSettings settings(CouncilId council) {
        return new InformationSettings(reviewWindows.days(council), properties.maxDesignationPeriod(),
                (int) properties.maxReviewWindow().toDays());
    }
}
