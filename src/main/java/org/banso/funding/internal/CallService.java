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

import org.banso.funding.Calls;
import org.banso.funding.Calls.ApplicationStatus;
import org.banso.funding.FundId;
import org.banso.funding.FundingEvents;
import org.banso.funding.Funding;
import org.banso.funding.FundingViews.FundView;
import org.banso.funding.FundingViews.ProjectView;
import org.banso.funding.ResearcherNumbers;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class CallService implements Calls {

    /** Who may review (declare and score): program officers and think-tank analysts. */
    private static final Set<Role> REVIEWERS = EnumSet.of(Role.PROGRAM_OFFICER, Role.ANALYST);
    /** Who sees every application: reviewers, funding officers, auditors. */
    private static final Set<Role> APPLICATION_READERS = EnumSet.of(Role.PROGRAM_OFFICER, Role.ANALYST,
            Role.FUNDING_OFFICER, Role.AUDITOR);

    private final JdbcClient jdbc;
    private final Funding funding;
    private final TechnologyRegistry technologies;
    private final IdentityManagement identity;
    private final FundingProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CallService(JdbcClient jdbc, Funding funding, TechnologyRegistry technologies, IdentityManagement identity,
                FundingProperties properties, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.funding = funding;
        this.technologies = technologies;
        this.identity = identity;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ calls

    @Override
    @Transactional(readOnly = true)
    public List<ReviewWaiting> reviewsAwaiting(BansoUser reviewer, Instant now) {
        if (reviewer == null || reviewer.roles().stream().noneMatch(REVIEWERS::contains)) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.id, a.call_id, a.title, c.closes_at, r.reviewer_id is not null as declared
                        from funding_application a
                        join funding_call c on c.id = a.call_id
                        left join funding_review r on r.application_id = a.id and r.reviewer_id = ?
                        where a.status = 'SUBMITTED' and c.closes_at <= ?
                          and (r.reviewer_id is null or (not r.conflict and r.score is null))
                        order by c.closes_at, a.submitted_at""")
                .params(reviewer.id().value(), Timestamp.from(now))
                .query((rs, n) -> new ReviewWaiting(rs.getObject("id", UUID.class),
                        rs.getObject("call_id", UUID.class), rs.getString("title"),
                        rs.getTimestamp("closes_at").toInstant(), rs.getBoolean("declared")))
                .list();
    }

    @Override
    @Transactional
    public CallView openCall(NewCall request, BansoUser actor) {
        requireRole(actor, Role.FUNDING_OFFICER, "Only a funding officer may open a call for proposals.");
        if (request == null) {
            throw BansoException.invalid("title", "must not be blank");
        }
        FieldChecks checks = new FieldChecks().text("title", request.title(), 300);
        if (request.fundId() == null || funding.funds(actor).stream().map(FundView::id)
                .noneMatch(request.fundId()::equals)) {
            checks.add(FieldError.coded("fundId", "required", "must name a fund"));
        }
        if (request.type() == null) {
            checks.add(FieldError.coded("type", "required", "must be PROJECT or INDIVIDUAL_RESEARCH"));
        }
        List<TechnologyId> targets = request.technologyIds() == null ? List.of()
                : request.technologyIds().stream().distinct().toList();
        if (targets.isEmpty() || targets.stream().anyMatch(t -> t == null
                || technologies.technology(t, actor).isEmpty())) {
            checks.add(FieldError.coded("technologyIds", "required", "must name registered technologies"));
        }
        if (request.opensAt() == null || request.closesAt() == null
                || !request.closesAt().isAfter(request.opensAt())) {
            checks.add(FieldError.coded("closesAt", "window", "must be after opensAt"));
        }
        if (request.budgetCap() == null || request.budgetCap() <= 0
                || request.budgetCap() > FundingService.MAX_AMOUNT) {
            checks.add(FieldError.coded("budgetCap", "positive", "must be a positive number of yen"));
        }
        checks.failIfAny();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into funding_call (id, fund_id, title, call_type, technology_ids, opens_at, closes_at,
                                                  budget_cap, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, request.fundId().value(), request.title().strip(), request.type().name(),
                        targets.stream().map(TechnologyId::value).toArray(UUID[]::new),
                        Timestamp.from(request.opensAt()), Timestamp.from(request.closesAt()), request.budgetCap(),
                        actor.id().value(), Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new FundingEvents.CallOpened(id, request.fundId(), actor.id(), clock.instant()));
        return findCall(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CallView> calls(BansoUser viewer) {
        requireSignedIn(viewer);
        return jdbc.sql("select * from funding_call order by opens_at desc").query(this::call).list();
    }

    @Override
    @Transactional(readOnly = true)
    public CallView call(UUID id, BansoUser viewer) {
        requireSignedIn(viewer);
        return findCall(id);
    }

    private CallView findCall(UUID id) {
        return jdbc.sql("select * from funding_call where id = ?").param(id).query(this::call).optional()
                .orElseThrow(() -> BansoException.notFound("The call"));
    }

    // ------------------------------------------------------------------ applications

    @Override
    @Transactional
    public ApplicationView apply(UUID callId, NewApplication request, BansoUser actor) {
        requireRole(actor, Role.RESEARCHER, "Only a researcher may apply as principal investigator.");
        CallView call = findCall(callId);
        Instant now = clock.instant();
        if (now.isBefore(call.opensAt()) || !now.isBefore(call.closesAt())) {
            throw new BansoException(ProblemCode.CONFLICT, "The call is not open for applications now.");
        }
        if (request == null) {
            throw BansoException.invalid("title", "must not be blank");
        }
        FieldChecks checks = new FieldChecks().text("title", request.title(), 300);
        if (!ResearcherNumbers.isValidEradNumber(request.eradNumber())) {
            checks.add(FieldError.coded("eradNumber", "erad-number",
                    "must be an e-Rad researcher number: 8 digits with a valid check digit"));
        }
        if (!ResearcherNumbers.isValidOrcid(request.orcid())) {
            checks.add(FieldError.coded("orcid", "orcid",
                    "must be an ORCID iD 0000-0000-0000-000X with a valid check character"));
        }
        List<TeamMember> team = request.team() == null ? List.of() : request.team();
        for (int i = 0; i < team.size(); i++) {
            TeamMember member = team.get(i);
            if (member == null || member.name() == null || member.name().isBlank()) {
                checks.add(FieldError.coded("team[" + i + "].name", "required", "must not be blank"));
            } else if (member.eradNumber() != null && !member.eradNumber().isBlank()
                    && !ResearcherNumbers.isValidEradNumber(member.eradNumber())) {
                checks.add(FieldError.coded("team[" + i + "].eradNumber", "erad-number",
                        "must be an e-Rad researcher number: 8 digits with a valid check digit"));
            }
        }
        int rate = properties.indirectCostRatePercent();
        long direct = request.directCost() == null ? 0 : request.directCost();
        long indirect = 0;
        if (direct <= 0 || direct > FundingService.MAX_AMOUNT) {
            checks.add(FieldError.coded("directCost", "positive", "must be a positive number of yen"));
        } else {
            indirect = Math.multiplyExact(direct, rate) / 100; // integer yen, rounded down
            if (direct + indirect > call.budgetCap()) {
                checks.add(FieldError.coded("directCost", "budget-cap",
                        "direct plus indirect cost exceeds the call's budget cap of " + call.budgetCap() + " yen",
                        call.budgetCap()));
            }
        }
        OpenClosePlan plan = request.openClosePlan();
        if (plan == null) {
            checks.add(FieldError.coded("openClosePlan", "required",
                    "must say what the team expects to keep controlled, from whom, for how long and why"));
        } else {
            checks.text("openClosePlan.controlled", plan.controlled(), 4000)
                    .text("openClosePlan.fromWhom", plan.fromWhom(), 2000)
                    .text("openClosePlan.reason", plan.reason(), 4000);
            if (plan.months() == null || plan.months() < 1 || plan.months() > 120) {
                checks.add(FieldError.coded("openClosePlan.months", "months", "must be 1–120 months"));
            }
        }
        checks.failIfAny();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into funding_application (id, call_id, title, principal_investigator_id, erad_number,
                            orcid, team, direct_cost, indirect_rate_percent, indirect_cost, plan_controlled,
                            plan_from_whom, plan_months, plan_reason, status, submitted_at)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?)""")
                .params(id, callId, request.title().strip(), actor.id().value(), request.eradNumber(),
                        request.orcid(), json.writeValueAsString(team), direct, rate, indirect,
                        plan.controlled().strip(), plan.fromWhom().strip(), plan.months(), plan.reason().strip(),
                        Timestamp.from(now))
                .update();
        events.publishEvent(new FundingEvents.ApplicationSubmitted(id, callId, actor.id(), now));
        return findApplication(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApplicationView> applications(UUID callId, BansoUser viewer) {
        requireSignedIn(viewer);
        findCall(callId);
        if (isAny(viewer, APPLICATION_READERS)) {
            return jdbc.sql("select * from funding_application where call_id = ? order by submitted_at")
                    .param(callId).query(this::application).list();
        }
        return jdbc.sql("""
                        select * from funding_application where call_id = ? and principal_investigator_id = ?
                        order by submitted_at""")
                .params(callId, viewer.id().value()).query(this::application).list();
    }

    @Override
    @Transactional(readOnly = true)
    public ApplicationView application(UUID id, BansoUser viewer) {
        ApplicationView application = findApplication(id);
        if (viewer == null || !(isAny(viewer, APPLICATION_READERS)
                || application.principalInvestigatorId().equals(viewer.id()))) {
            throw BansoException.notFound("The application");
        }
        return application;
    }

    private ApplicationView findApplication(UUID id) {
        return jdbc.sql("select * from funding_application where id = ?").param(id).query(this::application)
                .optional().orElseThrow(() -> BansoException.notFound("The application"));
    }

    // ------------------------------------------------------------------ reviews

    @Override
    @Transactional
    public ReviewView declare(UUID applicationId, boolean conflict, String reason, BansoUser reviewer) {
        requireReviewer(reviewer);
        ApplicationView application = findApplication(applicationId);
        String cleanReason = reason == null ? "" : reason.strip();
        if (!conflict && sameOrganization(reviewer, application.principalInvestigatorId())) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The declaration is not valid.",
                    List.of(FieldError.coded("conflict", "conflict-of-interest",
                            "a reviewer from the applicant's own organization has a conflict of interest")));
        }
        if (conflict && cleanReason.isEmpty()) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The declaration is not valid.",
                    List.of(FieldError.coded("reason", "required", "must say what the conflict is")));
        }
        int inserted = jdbc.sql("""
                        insert into funding_review (application_id, reviewer_id, conflict, conflict_reason,
                                                    declared_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(applicationId, reviewer.id().value(), conflict, cleanReason, Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            throw new BansoException(ProblemCode.ALREADY_RESPONDED,
                    "You have already declared your conflicts of interest for this application.");
        }
        events.publishEvent(new FundingEvents.ConflictOfInterestDeclared(applicationId, conflict, reviewer.id(),
                clock.instant()));
        return findReview(applicationId, reviewer.id());
    }

    @Override
    @Transactional
    public ReviewView score(UUID applicationId, int score, String comment, BansoUser reviewer) {
        requireReviewer(reviewer);
        findApplication(applicationId);
        ReviewView review = jdbc.sql("""
                        select * from funding_review where application_id = ? and reviewer_id = ? for update""")
                .params(applicationId, reviewer.id().value()).query(CallService::review).optional()
                .orElseThrow(() -> new BansoException(ProblemCode.CONFLICT,
                        "Declare your conflicts of interest before scoring."));
        if (review.conflict()) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "You declared a conflict of interest and cannot score this application.");
        }
        if (review.score() != null) {
            throw new BansoException(ProblemCode.ALREADY_RESPONDED, "You have already scored this application.");
        }
        if (score < 1 || score > 5) {
            throw BansoException.invalidCoded("score", "score", "must be 1–5");
        }
        String cleanComment = comment == null ? "" : comment.strip();
        new FieldChecks().optionalText("comment", cleanComment, 8000).failIfAny();
        jdbc.sql("""
                        update funding_review set score = ?, comment = ?, scored_at = ?
                        where application_id = ? and reviewer_id = ?""")
                .params(score, cleanComment, Timestamp.from(clock.instant()), applicationId, reviewer.id().value())
                .update();
        events.publishEvent(new FundingEvents.ApplicationScored(applicationId, score, reviewer.id(), clock.instant()));
        return findReview(applicationId, reviewer.id());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReviewView> reviews(UUID applicationId, BansoUser viewer) {
        if (viewer == null || !isAny(viewer, APPLICATION_READERS)) {
            throw BansoException.notFound("The application");
        }
        findApplication(applicationId);
        return jdbc.sql("select * from funding_review where application_id = ? order by declared_at")
                .param(applicationId).query(CallService::review).list();
    }

    private ReviewView findReview(UUID applicationId, UserId reviewer) {
        return jdbc.sql("select * from funding_review where application_id = ? and reviewer_id = ?")
                .params(applicationId, reviewer.value()).query(CallService::review).single();
    }

    private boolean sameOrganization(BansoUser reviewer, UserId applicant) {
        return reviewer.organizationId() != null && identity.user(applicant).map(UserView::organizationId)
                .filter(reviewer.organizationId()::equals).isPresent();
    }

    // ------------------------------------------------------------------ awards

    @Override
    @Transactional
    public ProjectView award(UUID applicationId, AwardTerms terms, BansoUser actor) {
        requireRole(actor, Role.FUNDING_OFFICER, "Only a funding officer may award.");
        ApplicationView application = jdbc.sql("select * from funding_application where id = ? for update")
                .param(applicationId).query(this::application).optional()
                .orElseThrow(() -> BansoException.notFound("The application"));
        if (application.status() != ApplicationStatus.SUBMITTED) {
            throw new BansoException(ProblemCode.CONFLICT, "The application has already been decided.");
        }
        if (terms == null) {
            throw BansoException.invalidCoded("competentMinistryId", "ministry", "must name a registered ministry");
        }
        CallView call = findCall(application.callId());
        TechnologyId technology = terms.technologyId() == null ? call.technologyIds().get(0) : terms.technologyId();
        if (!call.technologyIds().contains(technology)) {
            throw BansoException.invalidCoded("technologyId", "call-technology",
                    "must be one of the call's target technologies");
        }
        FundView fund = funding.fund(call.fundId(), actor);
        List<OrganizationId> organizations = terms.organizationIds() == null || terms.organizationIds().isEmpty()
                ? identity.user(application.principalInvestigatorId()).map(UserView::organizationId)
                        .stream().toList()
                : terms.organizationIds();
        ProjectView project = funding.award(new Funding.NewProject(application.title(), fund.program(), fund.id(),
                technology, application.principalInvestigatorId(), organizations, application.totalCost(),
                terms.competentMinistryId(), terms.competentMinistryRepresentativeId(),
                terms.socialImplementationLeadId(), terms.socialImplementationPlan(), applicationId), actor);
        jdbc.sql("update funding_application set status = 'AWARDED' where id = ?").param(applicationId).update();
        events.publishEvent(new FundingEvents.ApplicationAwarded(applicationId, project.id(), actor.id(),
                clock.instant()));
        return project;
    }

    // ------------------------------------------------------------------ mapping and checks

    private CallView call(ResultSet rs, int n) throws SQLException {
        Instant opens = rs.getTimestamp("opens_at").toInstant();
        Instant closes = rs.getTimestamp("closes_at").toInstant();
        Instant now = clock.instant();
        Array technologyIds = rs.getArray("technology_ids");
        return new CallView(rs.getObject("id", UUID.class), new FundId(rs.getObject("fund_id", UUID.class)),
                rs.getString("title"), CallType.valueOf(rs.getString("call_type")),
                Arrays.stream((UUID[]) technologyIds.getArray()).map(TechnologyId::new).toList(), opens, closes,
                rs.getLong("budget_cap"), !now.isBefore(opens) && now.isBefore(closes));
    }

    private ApplicationView application(ResultSet rs, int n) throws SQLException {
        UserId pi = new UserId(rs.getObject("principal_investigator_id", UUID.class));
        long direct = rs.getLong("direct_cost");
        long indirect = rs.getLong("indirect_cost");
        List<TeamMember> team = json.readValue(rs.getString("team"), new TypeReference<List<TeamMember>>() {
        });
        return new ApplicationView(rs.getObject("id", UUID.class), rs.getObject("call_id", UUID.class),
                rs.getString("title"), pi, rs.getString("erad_number"), rs.getString("orcid"), team, direct,
                rs.getInt("indirect_rate_percent"), indirect, direct + indirect,
                new OpenClosePlan(rs.getString("plan_controlled"), rs.getString("plan_from_whom"),
                        rs.getInt("plan_months"), rs.getString("plan_reason")),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getTimestamp("submitted_at").toInstant(), warnings(pi));
    }

    /** As e-Rad does: the principal investigator already holds funded projects that run now. */
    private List<String> warnings(UserId pi) {
        List<String> titles = jdbc.sql("""
                        select title from funding_project where principal_investigator_id = ?
                        and status in ('AWARDED', 'ACTIVE') order by awarded_at""")
                .param(pi.value()).query(String.class).list();
        List<String> warnings = new ArrayList<>();
        if (!titles.isEmpty()) {
            warnings.add("duplicate-funding: the principal investigator already leads funded projects: "
                    + String.join(", ", titles));
        }
        return warnings;
    }

    private static ReviewView review(ResultSet rs, int n) throws SQLException {
        Timestamp scored = rs.getTimestamp("scored_at");
        int value = rs.getInt("score");
        Integer score = rs.wasNull() ? null : value;
        return new ReviewView(rs.getObject("application_id", UUID.class),
                new UserId(rs.getObject("reviewer_id", UUID.class)), rs.getBoolean("conflict"),
                rs.getString("conflict_reason"), score, rs.getString("comment"),
                rs.getTimestamp("declared_at").toInstant(), scored == null ? null : scored.toInstant());
    }

    private static boolean isAny(BansoUser user, Set<Role> roles) {
        return roles.stream().anyMatch(user::hasRole);
    }

    private static void requireReviewer(BansoUser user) {
        if (user == null || !isAny(user, REVIEWERS)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only program officers and analysts review.");
        }
    }

    private static void requireSignedIn(BansoUser user) {
        if (user == null) {
            throw new BansoException(ProblemCode.UNAUTHENTICATED, "Sign in first.");
        }
    }

    private static void requireRole(BansoUser user, Role role, String message) {
        if (user == null || !user.hasRole(role)) {
            throw new BansoException(ProblemCode.FORBIDDEN, message);
        }
    }
}
