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
import org.banso.identity.OrganizationId;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.banso.technology.TechnologyId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FundingService implements Funding {

    /** Who may see funds, ledgers and every project: the government roles and the auditor. */
    private static final Set<Role> FUND_READERS = EnumSet.of(Role.PROGRAM_OFFICER, Role.FUNDING_OFFICER,
            Role.MINISTRY_OFFICIAL, Role.AUDITOR);
    private static final int MAX_LEDGER_PAGE = 1000;

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ProjectCouncils councils;
    private final ProjectAwarding awarding;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FundingService(JdbcClient jdbc, Ledger ledger, ProjectCouncils councils, ProjectAwarding awarding,
                   ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.councils = councils;
        this.awarding = awarding;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ funds and ledger (R2)

    @Override
    @Transactional
    public FundView createFund(String name, Program program, BansoUser actor) {
        requireRole(actor, Role.PROGRAM_OFFICER, "Only a program officer may create a fund.");
        FieldChecks checks = new FieldChecks().text("name", name, 200);
        if (program == null) {
            checks.add(FieldError.coded("program", "required", "must be K_PROGRAM or OTHER"));
        }
        checks.failIfAny();
        String cleanName = name.strip();
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
            throw BansoException.invalidCoded("kind", "one-of", "must be APPROPRIATION or RETURN");
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
        events.publishEvent(recorded(entry));
    }

    /** What every module is told of a new ledger entry. */
    static FundingEvents.LedgerEntryRecorded recorded(LedgerEntry entry) {
        return new FundingEvents.LedgerEntryRecorded(entry.fundId(), entry.id(), entry.kind(), entry.amount(),
                entry.projectId(), entry.recordedBy(), entry.recordedAt());
    }

    // ------------------------------------------------------------------ projects (R7, R10)

    @Override
    @Transactional
    public ProjectView award(NewProject request, BansoUser actor) {
        return findProject(awarding.award(request, actor));
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

    static FundView fund(ResultSet rs, int n) throws SQLException {
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

    static void requireRole(BansoUser user, Role role, String message) {
        if (user == null || !user.hasRole(role)) {
            throw new BansoException(ProblemCode.FORBIDDEN, message);
        }
    }

    /** A quadrillion yen: far above any real fund, low enough that sums of entries cannot overflow a long. */
    static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    private static void requireAmount(long amount) {
        if (amount <= 0 || amount > MAX_AMOUNT) {
            throw BansoException.invalidCoded("amount", "positive", "must be a positive number of yen, at most 10^15");
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
}
