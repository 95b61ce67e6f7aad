package org.banso.funding;

import java.time.Instant;
import java.util.UUID;

import org.banso.identity.UserId;

/** What the funding module tells the other modules, published inside the business transaction. */
public final class FundingEvents {

    private FundingEvents() {
    }

    public record FundCreated(FundId fund, String name, Program program, UserId by, Instant at) {
    }

    public record LedgerEntryRecorded(FundId fund, UUID entry, FundingViews.EntryKind kind, long amount,
                                      ProjectId project, UserId by, Instant at) {
    }

    public record ProjectAwarded(ProjectId project, FundId fund, Program program, long budget, UUID council,
                                 UserId by, Instant at) {
    }

    public record ProjectActivated(ProjectId project, UserId by, Instant at) {
    }

    public record FundsDisbursed(ProjectId project, FundId fund, UUID entry, long amount, UserId by, Instant at) {
    }
}
