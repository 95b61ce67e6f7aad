package org.banso.funding.internal;

import static org.banso.funding.internal.FundingService.MAX_AMOUNT;
import static org.banso.funding.internal.FundingService.requireRole;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.banso.funding.Funding.NewProject;
import org.banso.funding.FundingEvents;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.FundingViews.FundView;
import org.banso.funding.FundingViews.LedgerEntry;
import org.banso.funding.Program;
import org.banso.funding.ProjectId;
import org.banso.funding.internal.Ledger.AccountKind;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.banso.technology.TechnologyRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awarding a project: a funding officer's request is checked whole (every field error in one answer: the fund and
 * its program, a registered technology, principal investigator and organizations, the budget, the competent ministry,
 * R10's social-implementation lead and, for the K Program, R7's representative of the ministry); then, under the
 * fund's lock, the budget is allocated from what the fund has available ({@code insufficient-funds} otherwise) and a
 * K Program project gets its council in the same transaction (R7). Nothing is written when anything is refused.
 */
@Component
class ProjectAwarding {

    private static final Set<OrganizationKind> SOCIAL_IMPLEMENTATION_LEADS = EnumSet.of(OrganizationKind.MINISTRY,
            OrganizationKind.COMPANY, OrganizationKind.STARTUP);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ProjectCouncils councils;
    private final IdentityManagement identity;
    private final TechnologyRegistry technologies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectAwarding(JdbcClient jdbc, Ledger ledger, ProjectCouncils councils, IdentityManagement identity,
                    TechnologyRegistry technologies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.councils = councils;
        this.identity = identity;
        this.technologies = technologies;
        this.events = events;
        this.clock = clock;
    }

    /** Awards the project in the caller's transaction and answers its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    ProjectId award(NewProject request, BansoUser actor) {
        requireRole(actor, Role.FUNDING_OFFICER, "Only a funding officer may award a project.");
        if (request == null) {
            throw BansoException.invalid("title", "must not be blank");
        }
        FieldChecks checks = new FieldChecks().text("title", request.title(), 300);
        if (request.program() == null) {
            checks.add(FieldError.coded("program", "required", "must be K_PROGRAM or OTHER"));
        }
        FundView fund = request.fundId() == null ? null : jdbc.sql("select * from funding_fund where id = ?")
                .param(request.fundId().value()).query(FundingService::fund).optional().orElse(null);
        if (fund == null) {
            checks.add(FieldError.coded("fundId", "required", "must name a fund"));
        } else if (request.program() != null && fund.program() != request.program()) {
            checks.add(FieldError.coded("program", "program", "must be the fund's program"));
        }
        if (request.technologyId() == null || technologies.technology(request.technologyId(), actor).isEmpty()) {
            checks.add(FieldError.coded("technologyId", "required", "must name a registered technology"));
        }
        if (request.principalInvestigatorId() == null
                || identity.user(request.principalInvestigatorId()).isEmpty()) {
            checks.add(FieldError.coded("principalInvestigatorId", "required", "must name a registered person"));
        }
        List<OrganizationId> organizations = request.organizationIds() == null ? List.of()
                : request.organizationIds().stream().distinct().toList();
        if (organizations.isEmpty() || organizations.stream().anyMatch(o -> o == null
                || identity.organization(o).isEmpty())) {
            checks.add(FieldError.coded("organizationIds", "required", "must name registered organizations"));
        }
        if (request.budget() == null || request.budget() <= 0 || request.budget() > MAX_AMOUNT) {
            checks.add(FieldError.coded("budget", "positive", "must be a positive number of yen"));
        }
        if (!hasKind(request.competentMinistryId(), Set.of(OrganizationKind.MINISTRY))) {
            checks.add(FieldError.coded("competentMinistryId", "ministry", "must name a registered ministry"));
        }
        if (!hasKind(request.socialImplementationLeadId(), SOCIAL_IMPLEMENTATION_LEADS)) {
            checks.add(FieldError.coded("socialImplementationLeadId", "social-implementation-lead",
                    "must name a needs ministry or a private participant (company, startup) (R10)"));
        }
        if (request.program() == Program.K_PROGRAM && request.competentMinistryId() != null) {
            representativeErrors(request, actor, checks);
        }
        String plan = request.socialImplementationPlan() == null ? "" : request.socialImplementationPlan().strip();
        if (plan.length() > 8000) {
            checks.add(FieldError.coded("socialImplementationPlan", "too-long", "must be at most 8000 characters",
                    8000));
        }
        checks.failIfAny();
        String title = request.title().strip();

        ledger.lockFund(fund.id());
        long available = ledger.balance(ledger.account(fund.id(), null, AccountKind.AVAILABLE).id());
        if (available < request.budget()) {
            throw new BansoException(ProblemCode.INSUFFICIENT_FUNDS,
                    "The fund has " + available + " yen available, less than the budget of " + request.budget() + ".");
        }
        Instant now = clock.instant();
        ProjectId id = ProjectId.random();
        String draft = informationManagementDraft(request.applicationId());
        UUID council = request.program() == Program.K_PROGRAM
                ? councils.create(id, title, request.competentMinistryId(), request.principalInvestigatorId(),
                        request.competentMinistryRepresentativeId(), draft, actor)
                : null;
        jdbc.sql("""
                        insert into funding_project (id, title, program, fund_id, technology_id,
                            principal_investigator_id, organization_ids, budget, competent_ministry_id,
                            social_implementation_lead_id, social_implementation_plan, status, council_id,
                            application_id, information_management_draft, awarded_at, awarded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWARDED', ?, ?, ?, ?, ?)""")
                .params(id.value(), title, request.program().name(), fund.id().value(),
                        request.technologyId().value(), request.principalInvestigatorId().value(),
                        organizations.stream().map(OrganizationId::value).toArray(UUID[]::new), request.budget(),
                        request.competentMinistryId().value(), request.socialImplementationLeadId().value(), plan,
                        council, request.applicationId(), draft, Timestamp.from(now), actor.id().value())
                .update();
        ledger.openProjectAccounts(fund.id(), id);
        // the memo is the project's title: the entry's kind already says "allocation" in the reader's language
        LedgerEntry allocation = ledger.post(fund.id(), EntryKind.ALLOCATION, request.budget(), id, null,
                ledger.account(fund.id(), id, AccountKind.PROJECT_ALLOCATED),
                ledger.account(fund.id(), null, AccountKind.AVAILABLE), title, actor.id(), now);
        events.publishEvent(FundingService.recorded(allocation));
        events.publishEvent(new FundingEvents.ProjectAwarded(id, fund.id(), request.program(), request.budget(),
                council, actor.id(), now));
        return id;
    }

    /** The application's draft open/close plan as the text of a first information-management proposal. */
    private String informationManagementDraft(UUID application) {
        if (application == null) {
            return null;
        }
        return jdbc.sql("""
                        select plan_controlled, plan_from_whom, plan_months, plan_reason from funding_application
                        where id = ?""").param(application)
                .query((rs, n) -> "管理する情報 / Controlled: " + rs.getString("plan_controlled")
                        + "\n誰に対して / From whom: " + rs.getString("plan_from_whom")
                        + "\n期間 / For: " + rs.getInt("plan_months") + "か月 / months"
                        + "\n理由 / Why: " + rs.getString("plan_reason"))
                .optional().orElseThrow(() -> BansoException.invalid("applicationId", "must name an application"));
    }

    /**
     * R7: who represents the competent ministry in the project's council. Checked here so that every field error
     * comes in one answer; the council module checks the representative again.
     */
    private void representativeErrors(NewProject request, BansoUser actor, FieldChecks checks) {
        UserId representative = request.competentMinistryRepresentativeId();
        if (representative == null) {
            if (!actor.hasRole(Role.MINISTRY_OFFICIAL)
                    || !request.competentMinistryId().equals(actor.organizationId())) {
                checks.add(FieldError.coded("competentMinistryRepresentativeId", "required",
                        "must name a ministry official of the competent ministry to represent it in the "
                                + "project's council (R7)"));
            }
            return;
        }
        boolean fit = identity.user(representative).filter(u -> u.enabled()
                && u.roles().contains(Role.MINISTRY_OFFICIAL)
                && request.competentMinistryId().equals(u.organizationId())).isPresent();
        if (!fit) {
            checks.add(FieldError.coded("competentMinistryRepresentativeId", "ministry-official",
                    "must name an enabled ministry official of the competent ministry (R7)"));
        }
    }

    private boolean hasKind(OrganizationId id, Set<OrganizationKind> kinds) {
        return id != null && identity.organization(id).map(OrganizationView::kind).filter(kinds::contains)
                .isPresent();
    }
}
