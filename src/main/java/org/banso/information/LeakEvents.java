package org.banso.information;

import java.time.Instant;
import java.util.UUID;

import org.banso.identity.UserId;
import org.banso.shared.AuditedEvent;

/**
 * What leak investigations record in the transparency log (R17): trace attempts, reports, investigations and
 * decisions. Ids, codes, amounts and instants only, never a description, a note or leaked content.
 */
public final class LeakEvents {

    private LeakEvents() {
    }

    /**
     * Someone tried to trace a leaked file or text to its recipient; {@code permitted} is false for a caller who is
     * not an auditor (who was shown {@code not-found}). The item and recipient are null when nothing was found.
     */
    public record LeakTraceAttempted(UserId by, boolean permitted, boolean found, String fingerprint, ItemId item,
                                     UserId recipient, Instant at) implements AuditedEvent {
    }

    /** {@code item} is null when the reporter does not know which item leaked. */
    public record LeakReported(UUID report, ItemId item, UserId by, Instant at) implements AuditedEvent {
    }

    /** A trace result was attached to a report: the fingerprint found and whom it names. */
    public record LeakInvestigated(UUID report, String fingerprint, ItemId item, UserId recipient, UserId by,
                                   Instant at) implements AuditedEvent {
    }

    /**
     * The penalty decided for a report, from the penalty table at its revision; {@code subject} is the person (or
     * null for an organisation or no penalty).
     */
    public record LeakPenaltyDecided(UUID report, String penalty, int penaltyRevision, UserId subject, Long amountYen,
                                     Integer termMonths, UserId by, Instant at) implements AuditedEvent {
    }

    /** An administrator corrected a penalty of the table; {@code revision} is the new one. */
    public record LeakPenaltyChanged(String penalty, int revision, Long maxAmountYen, Integer maxTermMonths,
                                     UserId by, Instant at) implements AuditedEvent {
    }
}
