package org.banso.funding.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.banso.funding.FundId;
import org.banso.funding.Funding;
import org.banso.funding.FundingEvents;
import org.banso.funding.FundingViews.Balance;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.FundingViews.FundView;
import org.banso.funding.FundingViews.LedgerEntry;
import org.banso.funding.FundingViews.ProjectStatus;
import org.banso.funding.FundingViews.ProjectView;
import org.banso.funding.Program;
import org.banso.funding.ProjectId;
import org.banso.funding.internal.Ledger.Account;
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
import org.banso.shared.ProblemCode;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FundingService implements Funding {

    /** Who may see funds, ledgers and every project: the government roles and the auditor. */
    private static final Set<Role> FUND_READERS = EnumSet.of(Role.PROGRAM_OFFICER, Role.FUNDING_OFFICER,
            Role.MINISTRY_OFFICIAL, Role.AUDITOR);
    private static final Set<OrganizationKind> SOCIAL_IMPLEMENTATION_LEADS = EnumSet.of(OrganizationKind.MINISTRY,
            OrganizationKind.COMPANY, OrganizationKind.STARTUP);
    private static final int MAX_LEDGER_PAGE = 1000;

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ProjectCouncils councils;
    private final IdentityManagement identity;
    private final TechnologyRegistry technologies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FundingService(JdbcClient jdbc, Ledger ledger, ProjectCouncils councils, IdentityManagement identity,
                   TechnologyRegistry technologies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.councils = councils;
        this.identity = identity;
        this.technologies = technologies;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ funds and ledger (R2)

    @Override
    @Transactional
    public FundView createFund(String name, Program program, BansoUser actor) {
        requireRole(actor, Role.PROGRAM_OFFICER, "Only a program officer may create a fund.");
        List<FieldError> errors = new ArrayList<>();
        String cleanName = text("name", name, 200, errors);
        if (program == null) {
            errors.add(FieldError.coded("program", "required", "must be K_PROGRAM or OTHER"));
        }
        failIfAny(errors);
        Instant now = clock.instant();
        FundId id = FundId.random();
        jdbc.sql("insert into funding_fund (id, name, program, created_at, created_by) values (?, ?, ?, ?, ?)")
                .params(id.value(), cleanName, program.name(), Timestamp.from(now), actor.id().value()).update();
        ledger.openFundAccounts(id);
        events.publishEvent(new FundingEvents.FundCreated(id, cleanName, program, actor.id(), now));
        return new FundView(id, cleanName, program, now);
    }

    @Override
    @Transactional(readOnly = true)
    public List<FundView> funds(BansoUser viewer) {
        requireReader(viewer);
        return jdbc.sql("select * from funding_fund order by created_at, name").query(FundingService::fund).list();
    }

    @Override
    @Transactional(readOnly = true)
    public FundView fund(FundId id, BansoUser viewer) {
        requireReader(viewer);
        return findFund(id);
    }

    private FundView findFund(FundId id) {
        return jdbc.sql("select * from funding_fund where id = ?").param(id.value()).query(FundingService::fund)
                .optional().orElseThrow(() -> BansoException.notFound("The fund"));
    }

    @Override
    @Transactional
    public LedgerEntry record(FundId fund, EntryKind kind, long amount, String memo, BansoUser actor) {
        requireRole(actor, Role.PROGRAM_OFFICER, "Only a program officer may record appropriations and returns.");
        if (kind != EntryKind.APPROPRIATION && kind != EntryKind.RETURN) {
            throw BansoException.invalid("kind", "must be APPROPRIATION or RETURN");
        }
        requireAmount(amount);
        String cleanMemo = memo(memo);
        ledger.lockFund(fund);
        Account source = ledger.account(fund, null, AccountKind.APPROPRIATIONS);
        Account available = ledger.account(fund, null, AccountKind.AVAILABLE);
        LedgerEntry entry = kind == EntryKind.APPROPRIATION
                ? ledger.post(fund, kind, amount, null, null, available, source, cleanMemo, actor.id(), clock.instant())
                : ledger.post(fund, kind, amount, null, null, source, available, cleanMemo, actor.id(), clock.instant());
        published(entry);
        return entry;
    }

    @Override
    @Transactional
    public LedgerEntry reverse(FundId fund, UUID entryId, String memo, BansoUser actor) {
        requireRole(actor, Role.PROGRAM_OFFICER, "Only a program officer may reverse ledger entries.");
        String cleanMemo = memo(memo);
        ledger.lockFund(fund);
        LedgerEntry original = jdbc.sql(Ledger.ENTRY_SELECT + " where e.id = ? and e.fund_id = ?")
                .params(entryId, fund.value()).query(Ledger::entry).optional()
                .orElseThrow(() -> BansoException.notFound("The ledger entry"));
        if (original.kind() == EntryKind.REVERSAL) {
            throw new BansoException(ProblemCode.CONFLICT, "A reversal is not reversed; record a new entry instead.");
        }
        if (original.projectId() != null) {
            ledger.lockProject(original.projectId());
        }
        boolean reversed = jdbc.sql("select count(*) from funding_ledger_entry where reverses = ?").param(entryId)
                .query(Long.class).single() > 0;
        if (reversed) {
            throw new BansoException(ProblemCode.CONFLICT, "The entry has already been reversed.");
        }
        List<Account> sides = ledger.sides(original.seq());
        LedgerEntry entry = ledger.post(fund, EntryKind.REVERSAL, original.amount(), original.projectId(), entryId,
                sides.get(1), sides.get(0), cleanMemo, actor.id(), clock.instant());
        published(entry);
        return entry;
    }

    @Override
    @Transactional(readOnly = true)
    public Balance balance(FundId fund, BansoUser viewer) {
        requireReader(viewer);
        findFund(fund);
        return ledger.fundBalance(fund);
    }

    @Override
    @Transactional(readOnly = true)
    public List<LedgerEntry> ledger(FundId fund, LedgerFilter filter, BansoUser viewer) {
        requireReader(viewer);
        findFund(fund);
        int limit = filter == null || filter.limit() <= 0 ? 200 : Math.min(filter.limit(), MAX_LEDGER_PAGE);
        StringBuilder sql = new StringBuilder(Ledger.ENTRY_SELECT).append(" where e.fund_id = ?");
        List<Object> params = new ArrayList<>(List.of(fund.value()));
        if (filter != null && filter.kind() != null) {
            sql.append(" and e.kind = ?");
            params.add(filter.kind().name());
        }
        if (filter != null && filter.project() != null) {
            sql.append(" and e.project_id = ?");
            params.add(filter.project().value());
        }
        sql.append(" order by e.seq desc limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(Ledger::entry).list();
    }

    private void published(LedgerEntry entry) {
        events.publishEvent(new FundingEvents.LedgerEntryRecorded(entry.fundId(), entry.id(), entry.kind(),
                entry.amount(), entry.projectId(), entry.recordedBy(), entry.recordedAt()));
    }

    // ------------------------------------------------------------------ projects (R7, R10)

    @Override
    @Transactional
    public ProjectView award(NewProject request, BansoUser actor) {
        requireRole(actor, Role.FUNDING_OFFICER, "Only a funding officer may award a project.");
        if (request == null) {
            throw BansoException.invalid("title", "must not be blank");
        }
        List<FieldError> errors = new ArrayList<>();
        String title = text("title", request.title(), 300, errors);
        if (request.program() == null) {
            errors.add(FieldError.coded("program", "required", "must be K_PROGRAM or OTHER"));
        }
        FundView fund = request.fundId() == null ? null : jdbc.sql("select * from funding_fund where id = ?")
                .param(request.fundId().value()).query(FundingService::fund).optional().orElse(null);
        if (fund == null) {
            errors.add(FieldError.coded("fundId", "required", "must name a fund"));
        } else if (request.program() != null && fund.program() != request.program()) {
            errors.add(FieldError.coded("program", "program", "must be the fund's program"));
        }
        if (request.technologyId() == null || technologies.technology(request.technologyId(), actor).isEmpty()) {
            errors.add(FieldError.coded("technologyId", "required", "must name a registered technology"));
        }
        if (request.principalInvestigatorId() == null
                || identity.user(request.principalInvestigatorId()).isEmpty()) {
            errors.add(FieldError.coded("principalInvestigatorId", "required", "must name a registered person"));
        }
        List<OrganizationId> organizations = request.organizationIds() == null ? List.of()
                : request.organizationIds().stream().distinct().toList();
        if (organizations.isEmpty() || organizations.stream().anyMatch(o -> o == null
                || identity.organization(o).isEmpty())) {
            errors.add(FieldError.coded("organizationIds", "required", "must name registered organizations"));
        }
        if (request.budget() == null || request.budget() <= 0 || request.budget() > MAX_AMOUNT) {
            errors.add(FieldError.coded("budget", "positive", "must be a positive number of yen"));
        }
        if (!hasKind(request.competentMinistryId(), Set.of(OrganizationKind.MINISTRY))) {
            errors.add(FieldError.coded("competentMinistryId", "ministry", "must name a registered ministry"));
        }
        if (!hasKind(request.socialImplementationLeadId(), SOCIAL_IMPLEMENTATION_LEADS)) {
            errors.add(FieldError.coded("socialImplementationLeadId", "social-implementation-lead",
                    "must name a needs ministry or a private participant (company, startup) (R10)"));
        }
        if (request.program() == Program.K_PROGRAM && request.competentMinistryId() != null) {
            representativeErrors(request, actor, errors);
        }
        String plan = request.socialImplementationPlan() == null ? "" : request.socialImplementationPlan().strip();
        if (plan.length() > 8000) {
            errors.add(FieldError.coded("socialImplementationPlan", "too-long", "must be at most 8000 characters",
                    8000));
        }
        failIfAny(errors);

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
        LedgerEntry allocation = ledger.post(fund.id(), EntryKind.ALLOCATION, request.budget(), id, null,
                ledger.account(fund.id(), id, AccountKind.PROJECT_ALLOCATED),
                ledger.account(fund.id(), null, AccountKind.AVAILABLE), "Allocation: " + title, actor.id(), now);
        published(allocation);
        events.publishEvent(new FundingEvents.ProjectAwarded(id, fund.id(), request.program(), request.budget(),
                council, actor.id(), now));
        return findProject(id);
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
    private void representativeErrors(NewProject request, BansoUser actor, List<FieldError> errors) {
        UserId representative = request.competentMinistryRepresentativeId();
        if (representative == null) {
            if (!actor.hasRole(Role.MINISTRY_OFFICIAL)
                    || !request.competentMinistryId().equals(actor.organizationId())) {
                errors.add(FieldError.coded("competentMinistryRepresentativeId", "required",
                        "must name a ministry official of the competent ministry to represent it in the "
                                + "project's council (R7)"));
            }
            return;
        }
        boolean fit = identity.user(representative).filter(u -> u.enabled()
                && u.roles().contains(Role.MINISTRY_OFFICIAL)
                && request.competentMinistryId().equals(u.organizationId())).isPresent();
        if (!fit) {
            errors.add(FieldError.coded("competentMinistryRepresentativeId", "ministry-official",
                    "must name an enabled ministry official of the competent ministry (R7)"));
        }
    }

    private boolean hasKind(OrganizationId id, Set<OrganizationKind> kinds) {
        return id != null && identity.organization(id).map(OrganizationView::kind).filter(kinds::contains)
                .isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProjectView> projects(BansoUser viewer) {
        if (viewer == null) {
            return List.of();
        }
        if (isReader(viewer)) {
            return jdbc.sql(PROJECT_SELECT + " order by p.awarded_at desc").query(this::project).list();
        }
        return jdbc.sql(PROJECT_SELECT + " where p.principal_investigator_id = ? order by p.awarded_at desc")
                .param(viewer.id().value()).query(this::project).list();
    }

    @Override
    @Transactional(readOnly = true)
    public ProjectView project(ProjectId id, BansoUser viewer) {
        ProjectView project = findProject(id);
        if (viewer == null || !(isReader(viewer) || project.principalInvestigatorId().equals(viewer.id()))) {
            throw BansoException.notFound("The project");
        }
        return project;
    }

    private ProjectView findProject(ProjectId id) {
        return jdbc.sql(PROJECT_SELECT + " where p.id = ?").param(id.value()).query(this::project).optional()
                .orElseThrow(() -> BansoException.notFound("The project"));
    }

    @Override
    @Transactional
    public ProjectView activate(ProjectId id, BansoUser actor) {
        requireRole(actor, Role.FUNDING_OFFICER, "Only a funding officer may activate a project.");
        ledger.lockProject(id);
        ProjectView project = findProject(id);
        requireCouncilEstablished(project);
        if (project.status() != ProjectStatus.AWARDED) {
            throw new BansoException(ProblemCode.CONFLICT, "Only an awarded project can be activated.");
        }
        Instant now = clock.instant();
        jdbc.sql("update funding_project set status = 'ACTIVE', activated_at = ? where id = ?")
                .params(Timestamp.from(now), id.value()).update();
        events.publishEvent(new FundingEvents.ProjectActivated(id, actor.id(), now));
        return findProject(id);
    }

    @Override
    @Transactional
    public LedgerEntry disburse(ProjectId id, long amount, String memo, BansoUser actor) {
        requireRole(actor, Role.FUNDING_OFFICER, "Only a funding officer may disburse.");
        requireAmount(amount);
        String cleanMemo = memo(memo);
        ledger.lockProject(id);
        ProjectRow project = jdbc.sql("select id, fund_id, program, status from funding_project where id = ?")
                .param(id.value())
                .query((rs, n) -> new ProjectRow(new FundId(rs.getObject("fund_id", UUID.class)),
                        Program.valueOf(rs.getString("program")), ProjectStatus.valueOf(rs.getString("status"))))
                .single();
        if (project.program() == Program.K_PROGRAM && !councils.isEstablished(id)) {
            throw new BansoException(ProblemCode.COUNCIL_NOT_ESTABLISHED,
                    "A K Program project receives no disbursement before its council is established (R7).");
        }
        if (project.status() != ProjectStatus.ACTIVE) {
            throw new BansoException(ProblemCode.CONFLICT, "Only an active project receives disbursements.");
        }
        Instant now = clock.instant();
        LedgerEntry entry = ledger.post(project.fund(), EntryKind.DISBURSEMENT, amount, id, null,
                ledger.account(project.fund(), id, AccountKind.PROJECT_DISBURSED),
                ledger.account(project.fund(), id, AccountKind.PROJECT_ALLOCATED), cleanMemo, actor.id(), now);
        published(entry);
        events.publishEvent(new FundingEvents.FundsDisbursed(id, project.fund(), entry.id(), amount, actor.id(), now));
        return entry;
    }

    private record ProjectRow(FundId fund, Program program, ProjectStatus status) {
    }

    private void requireCouncilEstablished(ProjectView project) {
        if (project.program() == Program.K_PROGRAM && !councils.isEstablished(project.id())) {
            throw new BansoException(ProblemCode.COUNCIL_NOT_ESTABLISHED,
                    "A K Program project cannot become active before its council is established (R7).");
        }
    }

    /** R7: a council serving an active project cannot be dissolved. */
    boolean servesActiveProject(UUID council) {
        return jdbc.sql("select count(*) from funding_project where council_id = ? and status = 'ACTIVE'")
                .param(council).query(Long.class).single() > 0;
    }

    private static final String PROJECT_SELECT = """
            select p.*,
                   coalesce((select l.balance_after from funding_account a
                             join funding_ledger_line l on l.account_id = a.id
                             where a.project_id = p.id and a.kind = 'PROJECT_ALLOCATED'
                             order by l.entry_seq desc limit 1), 0) as allocated_balance,
                   coalesce((select l.balance_after from funding_account a
                             join funding_ledger_line l on l.account_id = a.id
                             where a.project_id = p.id and a.kind = 'PROJECT_DISBURSED'
                             order by l.entry_seq desc limit 1), 0) as disbursed_balance
            from funding_project p""";

    private ProjectView project(ResultSet rs, int n) throws SQLException {
        ProjectId id = new ProjectId(rs.getObject("id", UUID.class));
        Array orgs = rs.getArray("organization_ids");
        List<OrganizationId> organizations = Arrays.stream((UUID[]) orgs.getArray()).map(OrganizationId::new)
                .toList();
        Timestamp activated = rs.getTimestamp("activated_at");
        Program program = Program.valueOf(rs.getString("program"));
        long disbursed = rs.getLong("disbursed_balance");
        return new ProjectView(id, rs.getString("title"), program, new FundId(rs.getObject("fund_id", UUID.class)),
                new TechnologyId(rs.getObject("technology_id", UUID.class)),
                new UserId(rs.getObject("principal_investigator_id", UUID.class)), organizations,
                rs.getLong("budget"), new OrganizationId(rs.getObject("competent_ministry_id", UUID.class)),
                new OrganizationId(rs.getObject("social_implementation_lead_id", UUID.class)),
                rs.getString("social_implementation_plan"), ProjectStatus.valueOf(rs.getString("status")),
                rs.getObject("council_id", UUID.class),
                program == Program.K_PROGRAM ? councils.status(id).orElse(null) : null,
                rs.getString("information_management_draft"), rs.getLong("allocated_balance") + disbursed, disbursed, rs.getTimestamp("awarded_at").toInstant(),
                activated == null ? null : activated.toInstant());
    }

    // ------------------------------------------------------------------ helpers

    private static FundView fund(ResultSet rs, int n) throws SQLException {
        return new FundView(new FundId(rs.getObject("id", UUID.class)), rs.getString("name"),
                Program.valueOf(rs.getString("program")), rs.getTimestamp("created_at").toInstant());
    }

    private static boolean isReader(BansoUser user) {
        return user != null && FUND_READERS.stream().anyMatch(user::hasRole);
    }

    private static void requireReader(BansoUser user) {
        if (!isReader(user)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Funds are shown to government roles and auditors.");
        }
    }

    private static void requireRole(BansoUser user, Role role, String message) {
        if (user == null || !user.hasRole(role)) {
            throw new BansoException(ProblemCode.FORBIDDEN, message);
        }
    }

    /** A quadrillion yen: far above any real fund, low enough that sums of entries cannot overflow a long. */
    static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    private static void requireAmount(long amount) {
        if (amount <= 0 || amount > MAX_AMOUNT) {
            throw BansoException.invalid("amount", "must be a positive number of yen, at most 10^15");
        }
    }

    private static String memo(String memo) {
        String clean = memo == null ? "" : memo.strip();
        if (clean.length() > 1000) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                    List.of(FieldError.coded("memo", "too-long", "must be at most 1000 characters", 1000)));
        }
        return clean;
    }

    private static String text(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.coded(field, "required", "must not be blank"));
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            errors.add(FieldError.coded(field, "too-long", "must be at most " + max + " characters", max));
        }
        return clean;
    }

    private static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.", errors);
        }
    }
}
