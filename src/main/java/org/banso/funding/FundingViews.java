package org.banso.funding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.technology.TechnologyId;

/** What the funding module shows. Money is integer yen. */
public final class FundingViews {

    private FundingViews() {
    }

    public record FundView(FundId id, String name, Program program, Instant createdAt) {
    }

    /**
     * Derived from the ledger (R2). {@code appropriated} = appropriations net of returns to the treasury;
     * {@code allocated} = everything allocated to projects (including what has been disbursed);
     * {@code disbursed} = paid out; {@code available} = not yet allocated. Always appropriated = allocated + available.
     */
    public record Balance(long appropriated, long allocated, long disbursed, long available) {
    }

    public enum EntryKind {
        APPROPRIATION, ALLOCATION, DISBURSEMENT, RETURN, REVERSAL
    }

    /** One ledger entry: {@code amount} moves from the credited account to the debited one. */
    public record LedgerEntry(UUID id, long seq, FundId fundId, EntryKind kind, long amount, ProjectId projectId,
                              UUID reverses, String debitAccount, String creditAccount, String memo,
                              UserId recordedBy, Instant recordedAt) {
    }

    public enum ProjectStatus {
        AWARDED, ACTIVE, COMPLETED
    }

    public record ProjectView(ProjectId id, String title, Program program, FundId fundId, TechnologyId technologyId,
                              UserId principalInvestigatorId, List<OrganizationId> organizationIds, long budget,
                              OrganizationId competentMinistryId, OrganizationId socialImplementationLeadId,
                              String socialImplementationPlan, ProjectStatus status, UUID councilId,
                              String councilStatus, String informationManagementDraft, long allocated,
                              long disbursed, Instant awardedAt, Instant activatedAt) {
    }
}
