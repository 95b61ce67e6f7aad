package org.banso.funding;

import java.time.Instant;
import java.util.UUID;

import org.banso.identity.UserId;
import org.banso.shared.AuditedEvent;

/** What the funding module tells the other modules (the audit log above all), inside the business transaction. */
public final class FundingEvents {

    private FundingEvents() {
    }

    public record FundCreated(FundId fund, String name, Program program, UserId by, Instant at) implements AuditedEvent {
    }

    public record LedgerEntryRecorded(FundId fund, UUID entry, FundingViews.EntryKind kind, long amount,
                                      ProjectId project, UserId by, Instant at) implements AuditedEvent {
    }

    public record ProjectAwarded(ProjectId project, FundId fund, Program program, long budget, UUID council,
                                 UserId by, Instant at) implements AuditedEvent {
    }

    public record ProjectActivated(ProjectId project, UserId by, Instant at) implements AuditedEvent {
    }

    public record FundsDisbursed(ProjectId project, FundId fund, UUID entry, long amount, UserId by, Instant at) implements AuditedEvent {
    }

    public record CallOpened(UUID call, FundId fund, UserId by, Instant at) implements AuditedEvent {
    }

    public record ApplicationSubmitted(UUID application, UUID call, UserId by, Instant at) implements AuditedEvent {
    }

    public record ConflictOfInterestDeclared(UUID application, boolean conflict, UserId by, Instant at)
            implements AuditedEvent {
    }

    public record ApplicationScored(UUID application, int score, UserId by, Instant at) implements AuditedEvent {
    }

    public record ApplicationAwarded(UUID application, ProjectId project, UserId by, Instant at)
            implements AuditedEvent {
    }
}
