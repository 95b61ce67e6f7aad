package org.banso.funding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.banso.funding.FundingViews.ProjectView;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.technology.TechnologyId;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Calls for proposals, applications, reviews and awards. Funding officers open calls and award; researchers apply
 * as principal investigator; reviewers (program officers and think-tank analysts; one from the applicant's own
 * organization cannot declare no conflict) declare conflicts of interest before they may score and see the draft
 * open/close plan.
 */
public interface Calls {

    CallView openCall(NewCall call, BansoUser actor);

    List<CallView> calls(BansoUser viewer);

    CallView call(UUID id, BansoUser viewer);

    /** The caller applies as principal investigator; indirect cost at the configured rate (default 30 %). */
    ApplicationView apply(UUID callId, NewApplication application, BansoUser actor);

    List<ApplicationView> applications(UUID callId, BansoUser viewer);

    ApplicationView application(UUID id, BansoUser viewer);

    ReviewView declare(UUID applicationId, boolean conflict, String reason, BansoUser reviewer);

    /** Only after declaring no conflict of interest. */
    ReviewView score(UUID applicationId, int score, String comment, BansoUser reviewer);

    List<ReviewView> reviews(UUID applicationId, BansoUser viewer);

    /** FUNDING_OFFICER: the application becomes a project with budget = direct + indirect cost. */
    ProjectView award(UUID applicationId, AwardTerms terms, BansoUser actor);

    enum CallType {
        PROJECT, INDIVIDUAL_RESEARCH
    }

    /**
     * For a reviewer (PROGRAM_OFFICER, ANALYST; empty for anyone else): submitted applications of calls whose window
     * has closed that the reviewer has not declared on or, having declared no conflict, not scored yet.
     */
    List<ReviewWaiting> reviewsAwaiting(BansoUser reviewer, Instant now);

    /** @param declared the reviewer declared (no conflict) and has still to score */
    record ReviewWaiting(UUID applicationId, UUID callId, String title, Instant closedAt, boolean declared) {
    }

    record NewCall(FundId fundId, String title, CallType type, List<TechnologyId> technologyIds, Instant opensAt,
                   Instant closesAt, Long budgetCap) {
    }

    record CallView(UUID id, FundId fundId, String title, CallType type, List<TechnologyId> technologyIds,
                    Instant opensAt, Instant closesAt, long budgetCap, boolean open) {
    }

    record TeamMember(String name, String eradNumber, String role) {
    }

    /** The draft open/close plan: what the team expects to keep controlled, from whom, for how long, why. */
    record OpenClosePlan(String controlled, String fromWhom, Integer months, String reason) {
    }

    record NewApplication(String title, String eradNumber, String orcid, List<TeamMember> team, Long directCost,
                          OpenClosePlan openClosePlan) {
    }

    record ApplicationView(UUID id, UUID callId, String title, UserId principalInvestigatorId, String eradNumber,
                           String orcid, List<TeamMember> team, long directCost, int indirectRatePercent,
                           long indirectCost, long totalCost, OpenClosePlan openClosePlan,
                           ApplicationStatus status, Instant submittedAt, List<String> warnings) {
    }

    /** Where an application stands: submitted for review, then awarded (a project) or rejected. */
    enum ApplicationStatus {
        SUBMITTED, AWARDED, REJECTED
    }

    record ReviewView(UUID applicationId, UserId reviewerId, boolean conflict, String conflictReason,
                      Integer score, String comment, Instant declaredAt, Instant scoredAt) {
    }

    record AwardTerms(TechnologyId technologyId, List<OrganizationId> organizationIds,
                      OrganizationId competentMinistryId,
                      @Schema(description = "K_PROGRAM (R7): an enabled MINISTRY_OFFICIAL account of the competent "
                              + "ministry who represents it in the project's council; optional when the awarding "
                              + "funding officer is an official of that ministry.", nullable = true)
                      UserId competentMinistryRepresentativeId,
                      OrganizationId socialImplementationLeadId, String socialImplementationPlan) {
    }
}
