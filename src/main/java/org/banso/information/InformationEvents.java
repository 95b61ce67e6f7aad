package org.banso.information;

import java.time.Instant;
import java.util.List;

import org.banso.council.CouncilId;
import org.banso.council.ProposalId;
import org.banso.identity.UserId;
import org.banso.shared.AuditedEvent;

/**
 * What the information module tells the others (audit log, search index), in the past tense, published inside the
 * business transaction. No event carries a title's secret parts or any content: ids, categories, codes and instants
 * only.
 */
public final class InformationEvents {

    private InformationEvents() {
    }

    /** An item was stored; {@code council} is null for the public library. */
    public record ItemStored(ItemId item, CouncilId council, ItemCategory category, UserId by, Instant at)
            implements AuditedEvent {
    }

    public record ItemVersionAdded(ItemId item, CouncilId council, int version, UserId by, Instant at)
            implements AuditedEvent {
    }

    public record ItemPublished(ItemId item, CouncilId council, UserId by, Instant at) implements AuditedEvent {
    }

    /** A designation came into effect through the adoption of a proposal (R14, R15). */
    public record DesignationApplied(DesignationId designation, CouncilId council, ProposalId proposal,
                                     List<ItemId> items, Instant periodStart, Instant periodEnd, UserId by,
                                     Instant at) implements AuditedEvent {
    }

    /**
     * A designation's period ended and its items were released (R16). Recorded by a job within a minute of the end;
     * the marking itself changed at the end instant whether or not the job had run.
     */
    public record DesignationReleased(DesignationId designation, CouncilId council, List<ItemId> items,
                                      Marking releasedTo, Instant periodEnd, Instant at) implements AuditedEvent {
    }

    /** One decision of the access policy, permit or deny (R17). {@code user} is null for anonymous callers. */
    public record AccessDecided(UserId user, ItemId item, CouncilId council, InformationAction action,
                                boolean permitted, String reason, Instant at) implements AuditedEvent {
    }

    /** A fingerprinted copy left the system (R17). */
    public record TracedCopyIssued(ItemId item, CouncilId council, int version, UserId user, String fingerprint,
                                   Instant at) implements AuditedEvent {
    }
}
