package org.banso.information.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.identity.BansoUser;
import org.banso.identity.StepUp;
import org.banso.identity.UserId;
import org.banso.information.AccessDecision;
import org.banso.information.InformationAccessPolicy;
import org.banso.information.InformationAction;
import org.banso.information.InformationEvents;
import org.banso.information.ItemId;
import org.banso.information.internal.AccessFacts.DesignationFacts;
import org.banso.information.internal.AccessFacts.ItemFacts;
import org.banso.information.internal.MarkingRules.MarkingState;
import org.banso.information.internal.tracing.TracedCopies;
import org.banso.shared.ProblemCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one access policy (R12, R17): loads the item's facts and designations once (cached), asks the council module
 * for the person's membership (cached there) and lets the pure {@link PolicyRules} decide. Every decision is published
 * as {@link InformationEvents.AccessDecided} — one per item for item actions, and ONE per listing (item null) rather
 * than one per listed row, so that listing 10,000 items does not write 10,000 audit entries; the rows of a listing are
 * still each checked with the same pure rules ({@link #permits}).
 */
@Component
class AccessPolicy implements InformationAccessPolicy {

    private final FactsStore facts;
    private final CouncilMemberships memberships;
    private final TracedCopies tracing;
    private final StepUp stepUp;
    private final ApplicationEventPublisher events;

    AccessPolicy(FactsStore facts, CouncilMemberships memberships, TracedCopies tracing, StepUp stepUp,
                 ApplicationEventPublisher events) {
        this.facts = facts;
        this.memberships = memberships;
        this.tracing = tracing;
        this.stepUp = stepUp;
        this.events = events;
    }

    @Override
    public AccessDecision decide(BansoUser person, InformationAction action, ItemId item, Instant at) {
        Optional<ItemFacts> found = facts.item(item);
        if (found.isEmpty()) {
            AccessDecision decision = AccessDecision.deny("no-such-item", ProblemCode.NOT_FOUND);
            publish(person, item, null, action, decision, at);
            return decision;
        }
        ItemFacts facts = found.get();
        AccessDecision decision = decide(person, action, facts, this.facts.designationsOf(facts), at);
        publish(person, item, facts.council(), action, decision, at);
        return decision;
    }

    /** The decision without publishing it: for the rows of a listing whose one decision was published. */
    AccessDecision decide(BansoUser person, InformationAction action, ItemFacts item,
                          List<DesignationFacts> designations, Instant at) {
        return PolicyRules.decide(membership(person, item.council()), action, item, designations, at,
                this::traceable, () -> stepUp.freshSecondFactor(person, at));
    }

    boolean permits(BansoUser person, InformationAction action, ItemFacts item, List<DesignationFacts> designations,
                    MarkingState marking, Instant at) {
        return PolicyRules.decide(membership(person, item.council()), action, item, designations, marking, at,
                this::traceable, () -> stepUp.freshSecondFactor(person, at)).permitted();
    }

    /** The decision on listing a council's items (R12): its pledged members only; one event for the whole page. */
    AccessDecision decideListing(BansoUser person, CouncilId council, Instant at) {
        CouncilMembership membership = membership(person, council);
        AccessDecision decision = membership == null ? AccessDecision.deny("not-a-member", ProblemCode.NOT_FOUND)
                : membership.pledgeSigned() ? AccessDecision.permit("pledged-participant")
                : AccessDecision.deny("pledge-required", ProblemCode.PLEDGE_REQUIRED);
        publish(person, null, council, InformationAction.LIST, decision, at);
        return decision;
    }

    CouncilMembership membership(BansoUser person, CouncilId council) {
        if (person == null || council == null) {
            return null;
        }
        return memberships.membership(council, person.id()).orElse(null);
    }

    boolean traceable(String mediaType) {
        return tracing.traceable(mediaType);
    }

    void publish(BansoUser person, ItemId item, CouncilId council, InformationAction action, AccessDecision decision,
                 Instant at) {
        UserId user = person == null ? null : person.id();
        events.publishEvent(new InformationEvents.AccessDecided(user, item, council, action, decision.permitted(),
                decision.reason(), at));
    }
}
