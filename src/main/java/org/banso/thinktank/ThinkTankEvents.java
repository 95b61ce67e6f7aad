package org.banso.thinktank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.banso.identity.UserId;
import org.banso.shared.AuditedEvent;

/** What happened in the think tank, for the audit log. */
public final class ThinkTankEvents {

    private ThinkTankEvents() {
    }

    public record EntityRecorded(UUID entityId, boolean qualified, UserId actor, Instant at) implements AuditedEvent {
    }

    public record CommissionAwarded(UUID commissionId, UUID entityId, UserId actor, Instant at) implements AuditedEvent {
    }

    public record CommissionRenewed(UUID commissionId, LocalDate previousEnd, LocalDate newEnd, UserId actor,
                                    Instant at) implements AuditedEvent {
    }

    /** R20: a deliverable became (a new version of) a REPORT item of a council. */
    public record DeliverableSubmitted(UUID commissionId, UUID deliverableId, UUID item, UUID council, UserId actor,
                                       Instant at) implements AuditedEvent {
    }

    public record RankingComputed(UUID rankingId, UserId actor, Instant at) implements AuditedEvent {
    }
}
