package org.banso.information.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.banso.council.ParticipantId;
import org.banso.information.DesignationId;
import org.banso.information.Handling;
import org.banso.information.Marking;
import org.banso.information.internal.AccessFacts.DesignationFacts;
import org.banso.information.internal.AccessFacts.ItemFacts;

/**
 * How an item is marked at an instant (R15, R16), computed from its designations and nothing else: pure, so that it
 * holds to the millisecond at a period's end whether or not any job has run.
 *
 * <ul>
 *   <li>designations in force (start ≤ t &lt; end) → CONTROLLED; the scope is the intersection of their scopes and
 *       VIEW_ONLY wins over DOWNLOAD_TRACED (the strictest applies);</li>
 *   <li>otherwise PUBLIC when published, or public by default (a research result whose review window ended with
 *       nothing holding it, R16), or when designations have ended and every one of them said PUBLIC;</li>
 *   <li>otherwise COUNCIL. Items of the public library (no council) are always PUBLIC.</li>
 * </ul>
 */
final class MarkingRules {

    private MarkingRules() {
    }

    /**
     * @param scope           the participants who may see a CONTROLLED item (null otherwise)
     * @param designation     the designation that governs the marking: the active one ending last when controlled,
     *                        else the covering one ending last (null when none covers the item)
     * @param controlledUntil when a CONTROLLED item's last active designation ends
     */
    record MarkingState(Marking marking, Set<ParticipantId> scope, Handling handling, DesignationId designation,
                        Instant controlledUntil) {
    }

    static MarkingState marking(ItemFacts item, Collection<DesignationFacts> designations, Instant at) {
        if (item.council() == null) {
            return new MarkingState(Marking.PUBLIC, null, null, null, null);
        }
        Set<ParticipantId> scope = null;
        Handling handling = null;
        DesignationFacts governing = null;
        DesignationFacts latest = null;
        boolean released = false;
        boolean allReleasedPublic = true;
        for (DesignationFacts d : designations) {
            if (latest == null || d.end().isAfter(latest.end())) {
                latest = d;
            }
            if (d.activeAt(at)) {
                if (scope == null) {
                    scope = new HashSet<>(d.scope());
                } else {
                    scope.retainAll(d.scope());
                }
                handling = handling == Handling.VIEW_ONLY || d.handling() == Handling.VIEW_ONLY
                        ? Handling.VIEW_ONLY : Handling.DOWNLOAD_TRACED;
                if (governing == null || d.end().isAfter(governing.end())) {
                    governing = d;
                }
            } else if (d.endedAt(at)) {
                released = true;
                allReleasedPublic &= d.afterPeriod() == Marking.PUBLIC;
            }
        }
        if (governing != null) {
            return new MarkingState(Marking.CONTROLLED, Set.copyOf(scope), handling, governing.id(), governing.end());
        }
        DesignationId designation = latest == null ? null : latest.id();
        if (item.publicAt(at) || (released && allReleasedPublic)) {
            return new MarkingState(Marking.PUBLIC, null, null, designation, null);
        }
        return new MarkingState(Marking.COUNCIL, null, null, designation, null);
    }
}
