package org.banso.funding;

import java.util.List;
import java.util.UUID;

import org.banso.funding.FundingViews.Balance;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.FundingViews.FundView;
import org.banso.funding.FundingViews.LedgerEntry;
import org.banso.funding.FundingViews.ProjectView;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.technology.TechnologyId;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The funding module's facade: funds and their ledger (R2), projects (R10) and the council gate (R7). Every method
 * takes the acting person and checks their role; a refused request changes nothing.
 */
public interface Funding {

    /** PROGRAM_OFFICER. */
    FundView createFund(String name, Program program, BansoUser actor);

    List<FundView> funds(BansoUser viewer);

    FundView fund(FundId id, BansoUser viewer);

    /** PROGRAM_OFFICER: an appropriation into the fund or a return of unallocated money to the treasury. */
    LedgerEntry record(FundId fund, EntryKind kind, long amount, String memo, BansoUser actor);

    /** PROGRAM_OFFICER: a new entry undoing the original (once); refused if it would overdraw an account. */
    LedgerEntry reverse(FundId fund, UUID entry, String memo, BansoUser actor);

    Balance balance(FundId fund, BansoUser viewer);

    /** Newest first, optionally filtered by kind and project, at most {@code limit} entries. */
    List<LedgerEntry> ledger(FundId fund, LedgerFilter filter, BansoUser viewer);

    /** FUNDING_OFFICER: awards a project, allocating its budget from the fund (R2); K Program gets a council (R7). */
    ProjectView award(NewProject project, BansoUser actor);

    List<ProjectView> projects(BansoUser viewer);

    ProjectView project(ProjectId id, BansoUser viewer);

    /** FUNDING_OFFICER; {@code council-not-established} for a K Program project whose council is not (R7). */
    ProjectView activate(ProjectId id, BansoUser actor);

    /** FUNDING_OFFICER; {@code council-not-established} (R7), {@code insufficient-funds} (R2). */
    LedgerEntry disburse(ProjectId id, long amount, String memo, BansoUser actor);

    record LedgerFilter(EntryKind kind, ProjectId project, int limit) {
    }

    /**
     * @param competentMinistryRepresentativeId K Program (R7): an enabled MINISTRY_OFFICIAL of the competent
     *                                          ministry who represents it in the project's council; may be omitted
     *                                          when the awarding officer is themselves an official of that ministry
     */
    record NewProject(String title, Program program, FundId fundId, TechnologyId technologyId,
                      UserId principalInvestigatorId, List<OrganizationId> organizationIds, Long budget,
                      OrganizationId competentMinistryId,
                      @Schema(description = "K_PROGRAM (R7): an enabled MINISTRY_OFFICIAL account of the competent "
                              + "ministry, the representative of the ministry's participant that proposes the "
                              + "project's council. Optional when the awarding funding officer is an official of "
                              + "that ministry; otherwise 400 validation-failed on this field.",
                              nullable = true)
                      UserId competentMinistryRepresentativeId,
                      OrganizationId socialImplementationLeadId, String socialImplementationPlan,
                      UUID applicationId) {
    }
}
