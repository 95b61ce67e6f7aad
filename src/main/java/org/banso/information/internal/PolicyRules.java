package org.banso.information.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.banso.council.CouncilMembership;
import org.banso.council.ParticipantRole;
import org.banso.information.AccessDecision;
import org.banso.information.Handling;
import org.banso.information.InformationAction;
import org.banso.information.ItemCategory;
import org.banso.information.Marking;
import org.banso.information.internal.AccessFacts.DesignationFacts;
import org.banso.information.internal.AccessFacts.ItemFacts;
import org.banso.information.internal.MarkingRules.MarkingState;
import org.banso.shared.ProblemCode;

/**
 * The access policy's logic (R12, R15–R17), pure: the person's standing in the item's council, the item's facts and
 * designations, the instant. No role gives a bypass — an administrator or an auditor is whatever their council
 * membership makes them. Whoever may not know an item exists gets {@code not-found}; a member of the council (in
 * scope, for a controlled item) who has not signed its current pledge gets {@code pledge-required}.
 */
final class PolicyRules {

    private PolicyRules() {
    }

    /**
     * @param membership         the person's current membership in the item's council, null when they are none
     *                           (anonymous, outsider, left, removed)
     * @param traceable          whether a media type can be served as a fingerprinted copy
     * @param freshSecondFactor  whether the person passed a second factor recently enough for controlled content
     *                           (asked only when it matters)
     */
    static AccessDecision decide(CouncilMembership membership, InformationAction action, ItemFacts item,
                                 Collection<DesignationFacts> designations, Instant at, Predicate<String> traceable,
                                 BooleanSupplier freshSecondFactor) {
        return decide(membership, action, item, designations, MarkingRules.marking(item, designations, at), at,
                traceable, freshSecondFactor);
    }

    static AccessDecision decide(CouncilMembership membership, InformationAction action, ItemFacts item,
                                 Collection<DesignationFacts> designations, MarkingState marking, Instant at,
                                 Predicate<String> traceable, BooleanSupplier freshSecondFactor) {
        AccessDecision visible = visibility(membership, marking);
        if (!visible.permitted()) {
            return visible;
        }
        return switch (action) {
            case LIST, METADATA -> visible;
            case OPEN, VIEW -> stepUp(marking, visible, freshSecondFactor);
            case DOWNLOAD -> {
                AccessDecision download = download(marking, item, traceable);
                // what can never be downloaded is refused as such, without asking for a factor first
                yield download.permitted() ? stepUp(marking, download, freshSecondFactor) : download;
            }
            case NEW_VERSION -> provider(membership, item)
                    ? AccessDecision.permit("provider-member")
                    : AccessDecision.deny("not-provider", ProblemCode.FORBIDDEN);
            case PUBLISH -> publish(membership, item, designations, at);
        };
    }

    /** Whether the person may know the item and see what it holds. */
    static AccessDecision visibility(CouncilMembership membership, MarkingState marking) {
        if (marking.marking() == Marking.PUBLIC) {
            return AccessDecision.permit("public");
        }
        if (membership == null) {
            return AccessDecision.deny("not-a-member", ProblemCode.NOT_FOUND);
        }
        if (marking.marking() == Marking.CONTROLLED && !marking.scope().contains(membership.participant())) {
            return AccessDecision.deny("outside-scope", ProblemCode.NOT_FOUND);
        }
        if (!membership.pledgeSigned()) {
            return AccessDecision.deny("pledge-required", ProblemCode.PLEDGE_REQUIRED);
        }
        return AccessDecision.permit(marking.marking() == Marking.CONTROLLED ? "in-scope" : "pledged-participant");
    }

    /**
     * Step-up (issue 18): opening, viewing or downloading CONTROLLED content needs a second factor passed within the
     * configured window; the person may know the item, so the answer says what is missing.
     */
    private static AccessDecision stepUp(MarkingState marking, AccessDecision otherwise,
                                         BooleanSupplier freshSecondFactor) {
        if (marking.marking() == Marking.CONTROLLED && !freshSecondFactor.getAsBoolean()) {
            return AccessDecision.deny("second-factor-stale", ProblemCode.FRESH_SECOND_FACTOR_REQUIRED);
        }
        return otherwise;
    }

    private static AccessDecision download(MarkingState marking, ItemFacts item, Predicate<String> traceable) {
        if (marking.marking() != Marking.CONTROLLED) {
            return AccessDecision.permit(marking.marking() == Marking.PUBLIC ? "public" : "pledged-participant");
        }
        if (marking.handling() == Handling.DOWNLOAD_TRACED && item.mediaType() != null
                && traceable.test(item.mediaType())) {
            return AccessDecision.permit("traced-copy");
        }
        return AccessDecision.deny("view-only", ProblemCode.FORBIDDEN);
    }

    private static boolean provider(CouncilMembership membership, ItemFacts item) {
        return membership != null && membership.pledgeSigned() && item.provider() != null
                && item.provider().equals(membership.participant());
    }

    private static AccessDecision publish(CouncilMembership membership, ItemFacts item,
                                          Collection<DesignationFacts> designations, Instant at) {
        if (item.council() == null) {
            return AccessDecision.deny("public-library", ProblemCode.FORBIDDEN);
        }
        boolean competentMinistry = membership != null && membership.pledgeSigned()
                && membership.role() == ParticipantRole.COMPETENT_MINISTRY;
        if (!provider(membership, item) && !competentMinistry) {
            return AccessDecision.deny("not-provider", ProblemCode.FORBIDDEN);
        }
        if (item.category() != ItemCategory.RESEARCH_RESULT
                && item.category() != ItemCategory.GOVERNMENT_RESEARCH_RESULT) {
            return AccessDecision.deny("not-a-research-result", ProblemCode.FORBIDDEN);
        }
        for (DesignationFacts d : designations) {
            if (!d.endedAt(at)) { // in force or still to come (R16)
                return AccessDecision.deny("designated", ProblemCode.ITEM_DESIGNATED);
            }
        }
        return AccessDecision.permit(competentMinistry ? "competent-ministry" : "provider-member");
    }
}
