package org.banso.technology.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.banso.technology.Assessment;
import org.banso.technology.Assessment.Criterion;
import org.banso.technology.Technology;
import org.banso.technology.TechnologyEvents;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.banso.technology.TechnologyStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TechnologyRegistryService implements TechnologyRegistry {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    /** Assessments are government-internal judgements: the roles that make or use them. */
    private static final Set<Role> ASSESSMENT_READERS = EnumSet.of(Role.PROGRAM_OFFICER, Role.MINISTRY_OFFICIAL,
            Role.FUNDING_OFFICER, Role.ANALYST, Role.AUDITOR);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TechnologyRegistryService(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Technology register(NewTechnology request, BansoUser actor) {
        return registerAll(List.of(request), actor).get(0);
    }

    @Override
    @Transactional
    public List<Technology> registerAll(List<NewTechnology> requests, BansoUser actor) {
        requireRole(actor, Role.PROGRAM_OFFICER, "Only a program officer may register technologies.");
        FieldChecks checks = new FieldChecks();
        Set<String> codesInRequest = new HashSet<>();
        Set<String> areas = new HashSet<>(jdbc.sql("select code from technology_area").query(String.class).list());
        for (int i = 0; i < requests.size(); i++) {
            String prefix = requests.size() == 1 ? "" : "rows[" + (i + 1) + "].";
            validate(requests.get(i), prefix, areas, codesInRequest, checks);
        }
        checks.failIfAny("The technology is not valid.");
        Instant now = clock.instant();
        List<Technology> created = new ArrayList<>();
        for (NewTechnology request : requests) {
            Technology technology = new Technology(new TechnologyId(UUID.randomUUID()), request.code().strip(),
                    request.nameJa().strip(), request.nameEn().strip(), request.domain().strip(),
                    request.description() == null ? "" : request.description().strip(), TechnologyStatus.CANDIDATE,
                    now, now);
            jdbc.sql("""
                    insert into technology_technology (id, code, name_ja, name_en, area_code, description, status,
                                                       created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(technology.id().value(), technology.code(), technology.nameJa(), technology.nameEn(),
                            technology.domain(), technology.description(), technology.status().name(),
                            Timestamp.from(now), Timestamp.from(now))
                    .update();
            recordStatusChange(technology.id(), null, TechnologyStatus.CANDIDATE, actor.id(), now);
            events.publishEvent(new TechnologyEvents.TechnologyRegistered(technology.id(), technology.code(),
                    actor.id(), now));
            created.add(technology);
        }
        return created;
    }

    private void validate(NewTechnology request, String prefix, Set<String> areas, Set<String> codesInRequest,
                          FieldChecks checks) {
        if (request == null) {
            checks.add(FieldError.coded(prefix + "code", "required", "must not be blank"));
            return;
        }
        String code = request.code() == null ? null : request.code().strip();
        if (code == null || !CODE.matcher(code).matches()) {
            checks.add(FieldError.coded(prefix + "code", "technology-code",
                    "must be 2–32 upper-case letters, digits or '-'"));
        } else if (!codesInRequest.add(code) || exists(code)) {
            checks.add(FieldError.coded(prefix + "code", "technology-code-taken", "is already registered"));
        }
        checks.text(prefix + "nameJa", request.nameJa(), 200).text(prefix + "nameEn", request.nameEn(), 200);
        if (request.domain() == null || !areas.contains(request.domain().strip())) {
            checks.add(FieldError.coded(prefix + "domain", "technology-area",
                    "must be a technology area code of the guideline (A01…A20)"));
        }
        if (request.description() != null && request.description().length() > 4000) {
            checks.add(FieldError.coded(prefix + "description", "too-long", "must be at most 4000 characters",
                    4000));
        }
    }

    private boolean exists(String code) {
        return jdbc.sql("select count(*) from technology_technology where code = ?").param(code)
                .query(Long.class).single() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Technology> technologies(BansoUser viewer) {
        String where = viewer == null ? " where status = 'DESIGNATED'" : "";
        return jdbc.sql("select * from technology_technology" + where + " order by area_code, code")
                .query(TechnologyRegistryService::technology).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Technology> allTechnologies() {
        return jdbc.sql("select * from technology_technology order by area_code, code")
                .query(TechnologyRegistryService::technology).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Technology> technologyForIndex(TechnologyId id) {
        return find(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Technology> technology(TechnologyId id, BansoUser viewer) {
        return find(id).filter(t -> viewer != null || t.status() == TechnologyStatus.DESIGNATED);
    }

    private Optional<Technology> find(TechnologyId id) {
        return jdbc.sql("select * from technology_technology where id = ?").param(id.value())
                .query(TechnologyRegistryService::technology).optional();
    }

    @Override
    public boolean readsAssessments(BansoUser viewer) {
        return viewer != null && viewer.roles().stream().anyMatch(ASSESSMENT_READERS::contains);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Assessment> assessments(TechnologyId id, BansoUser viewer) {
        technology(id, viewer).orElseThrow(() -> BansoException.notFound("The technology"));
        if (!readsAssessments(viewer)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Assessments are for government and think-tank roles.");
        }
        Map<UUID, List<Assessment.Input>> inputs = jdbc.sql("""
                        select i.* from technology_assessment_input i
                        join technology_assessment a on a.id = i.assessment_id
                        where a.technology_id = ? order by i.position""")
                .param(id.value())
                .query((rs, n) -> Map.entry(rs.getObject("assessment_id", UUID.class), new Assessment.Input(
                        Assessment.InputKind.valueOf(rs.getString("kind")), rs.getString("reference"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from technology_assessment where technology_id = ? order by assessed_at desc")
                .param(id.value())
                .query((rs, n) -> assessment(rs, inputs.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    @Override
    @Transactional
    public Assessment assess(TechnologyId id, NewAssessment request, BansoUser actor) {
        if (actor == null || !(actor.hasRole(Role.PROGRAM_OFFICER) || actor.hasRole(Role.ANALYST))) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only a program officer or a think-tank analyst may record an assessment.");
        }
        Technology technology = lockForUpdate(id);
        if (technology.status() == TechnologyStatus.RETIRED) {
            throw new BansoException(ProblemCode.CONFLICT, "A retired technology is not assessed.");
        }
        validate(request);
        Instant now = clock.instant();
        UUID assessmentId = UUID.randomUUID();
        jdbc.sql("""
                insert into technology_assessment (id, technology_id, japan_strength_score, japan_strength_evidence,
                    foreign_rd_score, foreign_rd_evidence, social_needs_score, social_needs_evidence,
                    leakage_risk_score, leakage_risk_evidence, dependence_risk_score, dependence_risk_evidence,
                    superiority, market_underinvestment, dual_use, assessed_at, assessed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, id.value(),
                        request.japanStrength().score(), request.japanStrength().evidence().strip(),
                        request.foreignRdStatus().score(), request.foreignRdStatus().evidence().strip(),
                        request.socialNeeds().score(), request.socialNeeds().evidence().strip(),
                        request.leakageRisk().score(), request.leakageRisk().evidence().strip(),
                        request.dependenceRisk().score(), request.dependenceRisk().evidence().strip(),
                        blankIfNull(request.superiority()), blankIfNull(request.marketUnderinvestment()),
                        blankIfNull(request.dualUse()), Timestamp.from(now), actor.id().value())
                .update();
        for (int i = 0; i < request.inputs().size(); i++) {
            Assessment.Input input = request.inputs().get(i);
            jdbc.sql("insert into technology_assessment_input (assessment_id, position, kind, reference) "
                            + "values (?, ?, ?, ?)")
                    .params(assessmentId, i, input.kind().name(), input.reference().strip()).update();
        }
        if (technology.status() == TechnologyStatus.CANDIDATE) {
            changeStatus(technology, TechnologyStatus.UNDER_ASSESSMENT, actor.id(), now);
        }
        events.publishEvent(new TechnologyEvents.TechnologyAssessed(id, assessmentId, actor.id(), now));
        return assessments(id, actor).get(0);
    }

    /** R3 and R4: every criterion and risk scored with evidence, at least one expert or think-tank input. */
    private static void validate(NewAssessment request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw BansoException.invalid("japanStrength", "an assessment is required");
        }
        criterion("japanStrength", request.japanStrength(), errors);
        criterion("foreignRdStatus", request.foreignRdStatus(), errors);
        criterion("socialNeeds", request.socialNeeds(), errors);
        criterion("leakageRisk", request.leakageRisk(), errors);
        criterion("dependenceRisk", request.dependenceRisk(), errors);
        for (var lens : Map.of("superiority", blankIfNull(request.superiority()),
                "marketUnderinvestment", blankIfNull(request.marketUnderinvestment()),
                "dualUse", blankIfNull(request.dualUse())).entrySet()) {
            if (lens.getValue().length() > 4000) {
                errors.add(FieldError.coded(lens.getKey(), "too-long", "must be at most 4000 characters", 4000));
            }
        }
        if (request.inputs() == null || request.inputs().isEmpty()) {
            errors.add(FieldError.coded("inputs", "assessment-input",
                    "must cite at least one expert or think-tank input"));
        } else {
            for (int i = 0; i < request.inputs().size(); i++) {
                Assessment.Input input = request.inputs().get(i);
                if (input == null || input.kind() == null) {
                    errors.add(FieldError.coded("inputs[" + i + "].kind", "one-of", "must be EXPERT or THINK_TANK"));
                }
                if (input == null || input.reference() == null || input.reference().isBlank()
                        || input.reference().length() > 1000) {
                    errors.add(FieldError.coded("inputs[" + i + "].reference", "length",
                            "must be 1–1000 characters", 1, 1000));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The assessment is not complete.", errors);
        }
    }

    private static void criterion(String field, Criterion criterion, List<FieldError> errors) {
        if (criterion == null || criterion.score() == null || criterion.score() < 1 || criterion.score() > 5) {
            errors.add(FieldError.coded(field + ".score", "score", "must be a whole number from 1 to 5"));
        }
        if (criterion == null || criterion.evidence() == null || criterion.evidence().isBlank()) {
            errors.add(FieldError.coded(field + ".evidence", "required", "must not be blank"));
        } else if (criterion.evidence().length() > 4000) {
            errors.add(FieldError.coded(field + ".evidence", "too-long", "must be at most 4000 characters", 4000));
        }
    }

    @Override
    @Transactional
    public Technology designate(TechnologyId id, BansoUser actor) {
        requireRole(actor, Role.PROGRAM_OFFICER, "Only a program officer may designate a technology.");
        Technology technology = lockForUpdate(id);
        if (technology.status() == TechnologyStatus.DESIGNATED || technology.status() == TechnologyStatus.RETIRED) {
            throw new BansoException(ProblemCode.CONFLICT,
                    "The technology is " + technology.status().name().toLowerCase() + " and cannot be designated.");
        }
        boolean assessed = jdbc.sql("""
                        select count(*) from technology_assessment a
                        where a.technology_id = ?
                          and exists (select 1 from technology_assessment_input i where i.assessment_id = a.id)""")
                .param(id.value()).query(Long.class).single() > 0;
        if (!assessed) {
            // R3: no designation without a recorded assessment of the three criteria and its evidence
            throw new BansoException(ProblemCode.ASSESSMENT_REQUIRED,
                    "A technology is designated only with a recorded assessment of Japan's strength, the R&D "
                            + "status abroad and social-implementation needs, citing expert or think-tank input.");
        }
        return changeStatus(technology, TechnologyStatus.DESIGNATED, actor.id(), clock.instant());
    }

    @Override
    @Transactional
    public Technology retire(TechnologyId id, BansoUser actor) {
        requireRole(actor, Role.PROGRAM_OFFICER, "Only a program officer may retire a technology.");
        Technology technology = lockForUpdate(id);
        if (technology.status() == TechnologyStatus.RETIRED) {
            throw new BansoException(ProblemCode.CONFLICT, "The technology is already retired.");
        }
        return changeStatus(technology, TechnologyStatus.RETIRED, actor.id(), clock.instant());
    }

    private Technology lockForUpdate(TechnologyId id) {
        return jdbc.sql("select * from technology_technology where id = ? for update").param(id.value())
                .query(TechnologyRegistryService::technology).optional()
                .orElseThrow(() -> BansoException.notFound("The technology"));
    }

    private Technology changeStatus(Technology technology, TechnologyStatus to, UserId by, Instant at) {
        jdbc.sql("update technology_technology set status = ?, updated_at = ? where id = ?")
                .params(to.name(), Timestamp.from(at), technology.id().value()).update();
        recordStatusChange(technology.id(), technology.status(), to, by, at);
        events.publishEvent(new TechnologyEvents.TechnologyStatusChanged(technology.id(), technology.status(), to,
                by, at));
        return find(technology.id()).orElseThrow();
    }

    private void recordStatusChange(TechnologyId id, TechnologyStatus from, TechnologyStatus to, UserId by,
                                    Instant at) {
        jdbc.sql("""
                insert into technology_status_change (technology_id, from_status, to_status, changed_at, changed_by)
                values (?, ?, ?, ?, ?)""")
                .params(id.value(), from == null ? null : from.name(), to.name(), Timestamp.from(at), by.value())
                .update();
    }

    private static void requireRole(BansoUser actor, Role role, String detail) {
        if (actor == null || !actor.hasRole(role)) {
            throw new BansoException(ProblemCode.FORBIDDEN, detail);
        }
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.strip();
    }

    private static Technology technology(ResultSet rs, int row) throws SQLException {
        return new Technology(new TechnologyId(rs.getObject("id", UUID.class)), rs.getString("code"),
                rs.getString("name_ja"), rs.getString("name_en"), rs.getString("area_code"),
                rs.getString("description"), TechnologyStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static Assessment assessment(ResultSet rs, List<Assessment.Input> inputs) throws SQLException {
        return new Assessment(rs.getObject("id", UUID.class),
                new TechnologyId(rs.getObject("technology_id", UUID.class)),
                new Criterion(rs.getInt("japan_strength_score"), rs.getString("japan_strength_evidence")),
                new Criterion(rs.getInt("foreign_rd_score"), rs.getString("foreign_rd_evidence")),
                new Criterion(rs.getInt("social_needs_score"), rs.getString("social_needs_evidence")),
                new Criterion(rs.getInt("leakage_risk_score"), rs.getString("leakage_risk_evidence")),
                new Criterion(rs.getInt("dependence_risk_score"), rs.getString("dependence_risk_evidence")),
                rs.getString("superiority"), rs.getString("market_underinvestment"), rs.getString("dual_use"),
                inputs, rs.getTimestamp("assessed_at").toInstant(),
                new UserId(rs.getObject("assessed_by", UUID.class)));
    }
}
