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

    /**
     * A designation was ended before its period by an adopted proposal (R16): its items became {@code releasedTo} at
     * the adoption, or, in a narrowing, those the narrower designation {@code replacement} no longer covers did.
     */
    public record DesignationLifted(DesignationId designation, CouncilId council, ProposalId proposal,
                                    List<ItemId> items, Marking releasedTo, DesignationId replacement, UserId by,
                                    Instant at) implements AuditedEvent {
    }

    /** An adopted INFORMATION_MANAGEMENT proposal set the council's review window for research results (R16). */
    public record ReviewWindowSet(CouncilId council, ProposalId proposal, int days, UserId by, Instant at)
            implements AuditedEvent {
    }

    /**
     * When a research result becomes public by default changed (R16): its review window ends at {@code windowEnds};
     * it is public from {@code publicAt} (null: not known yet, a proposal that would designate it is open, or never,
     * a designation covers it). For the search index; the marking itself compares {@code publicAt} with the clock.
     */
    public record PublicationScheduled(ItemId item, CouncilId council, Instant windowEnds, Instant publicAt,
                                       Instant at) {
    }

    /**
     * A research result became public by default at {@code publicAt} (R16): recorded by a job once, after the fact;
     * the marking changed at {@code publicAt} whether or not the job had run.
     */
    public record ResultPublishedByDefault(ItemId item, CouncilId council, Instant publicAt, Instant at)
            implements AuditedEvent {
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
