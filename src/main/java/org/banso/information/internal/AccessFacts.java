package org.banso.information.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.ParticipantId;
import org.banso.council.ProposalId;
import org.banso.information.DesignationId;
import org.banso.information.Handling;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.banso.information.Marking;

/** The facts the access policy decides on, loaded once per item and cached (invalidated on every change). */
final class AccessFacts {

    private AccessFacts() {
    }

    /**
     * @param council      null for the public library
     * @param mediaType    of the latest version (null before the first one)
     * @param designations every designation covering the item, whatever its period
     * @param autoPublicAt a research result's publication by default (R16): public from this instant on; null when
     *                     not known or never (covered by a designation, not a project's research result, held by an
     *                     open proposal without deadline)
     */
    record ItemFacts(ItemId id, CouncilId council, ItemCategory category, UUID projectId, ParticipantId provider,
                     boolean published, int latestVersion, String mediaType, List<DesignationId> designations,
                     Instant autoPublicAt) {

        ItemFacts {
            designations = List.copyOf(designations);
        }

        ItemFacts(ItemId id, CouncilId council, ItemCategory category, UUID projectId, ParticipantId provider,
                  boolean published, int latestVersion, String mediaType, List<DesignationId> designations) {
            this(id, council, category, projectId, provider, published, latestVersion, mediaType, designations,
                    null);
        }

        /** Published by a person, or public by default at t (R16). */
        boolean publicAt(Instant t) {
            return published || (autoPublicAt != null && !t.isBefore(autoPublicAt));
        }
    }

    /**
     * What a designation states; it changes only when a proposal ends it early (R16), and then its end is the
     * adoption (its release record does not matter to any decision).
     */
    record DesignationFacts(DesignationId id, CouncilId council, ProposalId proposal, Handling handling,
                            Marking afterPeriod, Instant start, Instant end, Set<ParticipantId> scope) {

        DesignationFacts {
            scope = Set.copyOf(scope);
        }

        /** In force at t: start ≤ t < end, to the millisecond (R15). */
        boolean activeAt(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }

        /** Its period ended at or before t (R16). */
        boolean endedAt(Instant t) {
            return !t.isBefore(end);
        }
    }
}
