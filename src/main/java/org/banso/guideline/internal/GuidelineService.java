package org.banso.guideline.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.banso.guideline.GuidelineEvents;
import org.banso.guideline.GuidelineModel.Measure;
import org.banso.guideline.GuidelineModel.MeasureKind;
import org.banso.guideline.GuidelineModel.MeasureStatus;
import org.banso.guideline.GuidelineModel.NewMeasure;
import org.banso.guideline.GuidelineModel.NewSection;
import org.banso.guideline.GuidelineModel.NewVersion;
import org.banso.guideline.GuidelineModel.Section;
import org.banso.guideline.GuidelineModel.StatusChange;
import org.banso.guideline.GuidelineModel.Version;
import org.banso.guideline.GuidelineModel.VersionStatus;
import org.banso.guideline.Guidelines;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
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

@Service
class GuidelineService implements Guidelines {

    /** R1: the kinds of support every guideline in force must provide for. */
    static final Set<MeasureKind> REQUIRED_KINDS = EnumSet.of(MeasureKind.INFORMATION_PROVISION, MeasureKind.FUNDING,
            MeasureKind.HUMAN_RESOURCES);

    private final JdbcClient jdbc;
    private final IdentityManagement identity;
    private final TechnologyRegistry technologies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GuidelineService(JdbcClient jdbc, IdentityManagement identity, TechnologyRegistry technologies,
                     ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.technologies = technologies;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Version> current() {
        return jdbc.sql("select * from guideline_version where status = 'IN_FORCE'")
                .query(this::version).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Version> version(UUID id, BansoUser viewer) {
        return jdbc.sql("select * from guideline_version where id = ?").param(id).query(this::version).optional()
                .filter(v -> v.status() != VersionStatus.DRAFT || isProgramOfficer(viewer));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Version> versions(BansoUser viewer) {
        String where = isProgramOfficer(viewer) ? "" : " where status <> 'DRAFT'";
        return jdbc.sql("select * from guideline_version" + where + " order by created_at desc")
                .query(this::version).list();
    }

    @Override
    @Transactional
    public Version draft(NewVersion request, BansoUser actor) {
        requireProgramOfficer(actor);
        FieldChecks checks = new FieldChecks().text("titleJa", request.titleJa(), 300)
                .text("titleEn", request.titleEn(), 300);
        Optional<Version> basedOn = request.basedOnId() == null ? Optional.empty()
                : version(request.basedOnId(), actor);
        if (request.basedOnId() != null && basedOn.isEmpty()) {
            checks.add(FieldError.coded("basedOnId", "guideline-version", "must name an existing version"));
        }
        checks.failIfAny();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into guideline_version (id, title_ja, title_en, status, created_at, created_by)
                values (?, ?, ?, 'DRAFT', ?, ?)""")
                .params(id, request.titleJa().strip(), request.titleEn().strip(), Timestamp.from(now),
                        actor.id().value())
                .update();
        basedOn.ifPresent(previous -> {
            previous.sections().forEach(s -> insertSection(id, s.position(),
                    new NewSection(s.headingJa(), s.headingEn(), s.bodyJa(), s.bodyEn())));
            previous.measures().forEach(m -> insertMeasure(id, m.position(), new NewMeasure(m.kind(), m.titleJa(),
                    m.titleEn(), m.descriptionJa(), m.descriptionEn(), m.responsibleMinistryId(), m.technologyIds()),
                    m.status(), actor, now));
        });
        events.publishEvent(new GuidelineEvents.GuidelineDrafted(id, actor.id(), now));
        return version(id, actor).orElseThrow();
    }

    @Override
    @Transactional
    public Section addSection(UUID versionId, NewSection request, BansoUser actor) {
        requireProgramOfficer(actor);
        lockDraft(versionId, actor);
        new FieldChecks().text("headingJa", request.headingJa(), 300).text("headingEn", request.headingEn(), 300)
                .optionalText("bodyJa", request.bodyJa(), 20000).optionalText("bodyEn", request.bodyEn(), 20000)
                .failIfAny();
        int position = nextPosition("guideline_section", versionId);
        UUID id = insertSection(versionId, position, request);
        return version(versionId, actor).orElseThrow().sections().stream().filter(s -> s.id().equals(id))
                .findFirst().orElseThrow();
    }

    @Override
    @Transactional
    public Measure addMeasure(UUID versionId, NewMeasure request, BansoUser actor) {
        requireProgramOfficer(actor);
        lockDraft(versionId, actor);
        FieldChecks checks = new FieldChecks();
        if (request.kind() == null) {
            checks.add(FieldError.coded("kind", "one-of",
                    "must be INFORMATION_PROVISION, FUNDING, HUMAN_RESOURCES or OTHER"));
        }
        checks.text("titleJa", request.titleJa(), 300).text("titleEn", request.titleEn(), 300)
                .optionalText("descriptionJa", request.descriptionJa(), 20000)
                .optionalText("descriptionEn", request.descriptionEn(), 20000);
        // R1: each measure names the ministry responsible for it
        boolean ministry = request.responsibleMinistryId() != null && identity.organization(
                request.responsibleMinistryId()).map(o -> o.kind() == OrganizationKind.MINISTRY).orElse(false);
        if (!ministry) {
            checks.add(FieldError.coded("responsibleMinistryId", "responsible-ministry",
                    "must name a registered ministry"));
        }
        List<TechnologyId> technologyIds = request.technologyIds() == null ? List.of() : request.technologyIds();
        for (int i = 0; i < technologyIds.size(); i++) {
            TechnologyId technology = technologyIds.get(i);
            if (technology == null || technologies.technology(technology, actor).isEmpty()) {
                checks.add(FieldError.coded("technologyIds[" + i + "]", "technology",
                        "must name a registered technology"));
            }
        }
        checks.failIfAny();
        int position = nextPosition("guideline_measure", versionId);
        UUID id = insertMeasure(versionId, position, new NewMeasure(request.kind(), request.titleJa(),
                request.titleEn(), request.descriptionJa(), request.descriptionEn(), request.responsibleMinistryId(),
                technologyIds.stream().distinct().toList()), MeasureStatus.PLANNED, actor, clock.instant());
        return measure(id);
    }

    @Override
    @Transactional
    public Measure changeMeasureStatus(UUID measureId, MeasureStatus status, BansoUser actor) {
        requireProgramOfficer(actor);
        if (status == null) {
            throw BansoException.invalid("status", "must be PLANNED, ACTIVE, COMPLETED or DISCONTINUED");
        }
        Measure measure = jdbc.sql("select id from guideline_measure where id = ? for update").param(measureId)
                .query(UUID.class).optional().map(this::measure)
                .orElseThrow(() -> BansoException.notFound("The measure"));
        if (measure.status() == status) {
            return measure;
        }
        Instant now = clock.instant();
        jdbc.sql("update guideline_measure set status = ? where id = ?").params(status.name(), measureId).update();
        recordStatus(measureId, measure.status(), status, actor, now);
        events.publishEvent(new GuidelineEvents.MeasureStatusChanged(measureId, measure.status(), status,
                actor.id(), now));
        return measure(measureId);
    }

    @Override
    @Transactional
    public Version enforce(UUID versionId, BansoUser actor) {
        requireProgramOfficer(actor);
        // Enforcements run one at a time: each must see the version its predecessor put in force (R1). Row locks
        // alone do not do it, since a waiting transaction skips a row that stopped matching "in force".
        jdbc.sql("select pg_advisory_xact_lock(hashtext('guideline-enforce'))").query(Object.class).single();
        Version draft = lockDraft(versionId, actor);
        Set<MeasureKind> present = draft.measures().stream().map(Measure::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MeasureKind.class)));
        Set<MeasureKind> missing = EnumSet.copyOf(REQUIRED_KINDS);
        missing.removeAll(present);
        if (!missing.isEmpty()) {
            throw new BansoException(ProblemCode.GUIDELINE_INCOMPLETE, "R1: a guideline in force needs support "
                    + "measures of information provision, funding and human-resource development; missing: "
                    + missing.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")) + ".");
        }
        Instant now = clock.instant();
        // the unique index on the version in force is the backstop
        Optional<UUID> previous = jdbc.sql("select id from guideline_version where status = 'IN_FORCE' for update")
                .query(UUID.class).optional();
        previous.ifPresent(id -> jdbc.sql(
                        "update guideline_version set status = 'SUPERSEDED', superseded_at = ? where id = ?")
                .params(Timestamp.from(now), id).update());
        jdbc.sql("update guideline_version set status = 'IN_FORCE', enforced_at = ? where id = ?")
                .params(Timestamp.from(now), versionId).update();
        events.publishEvent(new GuidelineEvents.GuidelineEnforced(versionId, previous.orElse(null), actor.id(), now));
        return version(versionId, actor).orElseThrow();
    }

    private Version lockDraft(UUID versionId, BansoUser actor) {
        Version version = jdbc.sql("select * from guideline_version where id = ? for update").param(versionId)
                .query(this::version).optional()
                .filter(v -> v.status() != VersionStatus.DRAFT || isProgramOfficer(actor))
                .orElseThrow(() -> BansoException.notFound("The guideline version"));
        if (version.status() != VersionStatus.DRAFT) {
            throw new BansoException(ProblemCode.CONFLICT,
                    "Only a draft can be changed; a version in force or superseded is a record.");
        }
        return version;
    }

    private UUID insertSection(UUID versionId, int position, NewSection section) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into guideline_section (id, version_id, position, heading_ja, heading_en, body_ja, body_en)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, versionId, position, section.headingJa().strip(), section.headingEn().strip(),
                        blankIfNull(section.bodyJa()), blankIfNull(section.bodyEn()))
                .update();
        return id;
    }

    private UUID insertMeasure(UUID versionId, int position, NewMeasure measure, MeasureStatus status,
                               BansoUser actor, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into guideline_measure (id, version_id, position, kind, title_ja, title_en, description_ja,
                                               description_en, responsible_ministry_id, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, versionId, position, measure.kind().name(), measure.titleJa().strip(),
                        measure.titleEn().strip(), blankIfNull(measure.descriptionJa()),
                        blankIfNull(measure.descriptionEn()), measure.responsibleMinistryId().value(), status.name())
                .update();
        for (TechnologyId technology : measure.technologyIds()) {
            jdbc.sql("insert into guideline_measure_technology (measure_id, technology_id) values (?, ?)")
                    .params(id, technology.value()).update();
        }
        recordStatus(id, null, status, actor, at);
        return id;
    }

    private void recordStatus(UUID measureId, MeasureStatus from, MeasureStatus to, BansoUser actor, Instant at) {
        jdbc.sql("""
                insert into guideline_measure_status_change (measure_id, from_status, to_status, changed_at, changed_by)
                values (?, ?, ?, ?, ?)""")
                .params(measureId, from == null ? null : from.name(), to.name(), Timestamp.from(at),
                        actor.id().value())
                .update();
    }

    private int nextPosition(String table, UUID versionId) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from " + table + " where version_id = ?")
                .param(versionId).query(Integer.class).single();
    }

    private Version version(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Section> sections = jdbc.sql("select * from guideline_section where version_id = ? order by position")
                .param(id)
                .query((r, n) -> new Section(r.getObject("id", UUID.class), r.getInt("position"),
                        r.getString("heading_ja"), r.getString("heading_en"), r.getString("body_ja"),
                        r.getString("body_en")))
                .list();
        List<Measure> measures = jdbc.sql("select id from guideline_measure where version_id = ? order by position")
                .param(id).query(UUID.class).list().stream().map(this::measure).toList();
        return new Version(id, rs.getString("title_ja"), rs.getString("title_en"),
                VersionStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                instant(rs, "enforced_at"), instant(rs, "superseded_at"), sections, measures);
    }

    private Measure measure(UUID id) {
        List<TechnologyId> technologyIds = jdbc.sql(
                        "select technology_id from guideline_measure_technology where measure_id = ? order by 1")
                .param(id).query(UUID.class).list().stream().map(TechnologyId::new).toList();
        List<StatusChange> history = jdbc.sql("""
                        select * from guideline_measure_status_change where measure_id = ? order by changed_at""")
                .param(id)
                .query((r, n) -> new StatusChange(r.getString("from_status") == null ? null
                        : MeasureStatus.valueOf(r.getString("from_status")),
                        MeasureStatus.valueOf(r.getString("to_status")), r.getTimestamp("changed_at").toInstant()))
                .list();
        return jdbc.sql("select * from guideline_measure where id = ?").param(id)
                .query((r, n) -> new Measure(id, r.getInt("position"), MeasureKind.valueOf(r.getString("kind")),
                        r.getString("title_ja"), r.getString("title_en"), r.getString("description_ja"),
                        r.getString("description_en"),
                        new OrganizationId(r.getObject("responsible_ministry_id", UUID.class)), technologyIds,
                        MeasureStatus.valueOf(r.getString("status")), history))
                .single();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static boolean isProgramOfficer(BansoUser user) {
        return user != null && user.hasRole(Role.PROGRAM_OFFICER);
    }

    private static void requireProgramOfficer(BansoUser actor) {
        if (!isProgramOfficer(actor)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only a program officer may edit the guideline.");
        }
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.strip();
    }
}
