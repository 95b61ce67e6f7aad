package org.banso.thinktank.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationView;
import org.banso.identity.Role;
import org.banso.information.InformationItems;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.banso.thinktank.Commissions;
import org.banso.thinktank.ThinkTankEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CommissionService implements Commissions {

    static final int MAX_TEXT = 5000;

    private final JdbcClient jdbc;
    private final IdentityManagement identity;
    private final TechnologyRegistry technologies;
    private final InformationItems items;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommissionService(JdbcClient jdbc, IdentityManagement identity, TechnologyRegistry technologies,
                      InformationItems items, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.items = items;
        this.identity = identity;
        this.technologies = technologies;
        this.events = events;
        this.clock = clock;
    }

    static boolean isGovernment(BansoUser user) {
        return user != null && (user.hasRole(Role.PROGRAM_OFFICER) || user.hasRole(Role.MINISTRY_OFFICIAL));
    }

    private static void requireGovernment(BansoUser actor) {
        if (!isGovernment(actor)) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only a program officer or a ministry official may manage think-tank entities and commissions.");
        }
    }

    /** The entity's own analysts see it; government roles see all. */
    private static boolean maySee(BansoUser viewer, OrganizationId entityOrganization) {
        return isGovernment(viewer) || viewer != null && viewer.hasRole(Role.ANALYST)
                && entityOrganization.equals(viewer.organizationId());
    }

    @Override
    @Transactional(readOnly = true)
    public List<DueDeliverable> overdueDeliverables(LocalDate today) {
        return jdbc.sql("""
                        select d.id, d.commission_id, e.organization_id, d.due_on from thinktank_deliverable d
                        join thinktank_commission c on c.id = d.commission_id
                        join thinktank_entity e on e.id = c.entity_id
                        where d.item_id is null and d.due_on < ? order by d.due_on, d.id""")
                .param(today)
                .query((rs, n) -> new DueDeliverable(rs.getObject("id", UUID.class),
                        rs.getObject("commission_id", UUID.class),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        rs.getObject("due_on", LocalDate.class)))
                .list();
    }

    @Override
    @Transactional
    public Entity registerEntity(EntityRequest request, BansoUser actor) {
        requireGovernment(actor);
        validate(request);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        // one entity per organization, also under simultaneous requests: the unique constraint decides
        int inserted = jdbc.sql("""
                insert into thinktank_entity (id, organization_id, analysis_capability, hub_capability,
                    talent_capability, confidentiality_agreed_at, created_at, created_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (organization_id) do nothing""")
                .params(id, request.organizationId().value(), strip(request.analysisCapability()),
                        strip(request.hubCapability()), strip(request.talentCapability()),
                        ts(request.confidentialityAgreedAt()), Timestamp.from(now), actor.id().value(),
                        Timestamp.from(now))
                .update();
        if (inserted == 0) {
            throw new BansoException(ProblemCode.CONFLICT, "This organization is already recorded as an entity.");
        }
        Entity entity = loadEntity(id).orElseThrow();
        events.publishEvent(new ThinkTankEvents.EntityRecorded(id, entity.qualified(), actor.id(), now));
        return entity;
    }

    @Override
    @Transactional
    public Entity updateEntity(UUID id, EntityRequest request, BansoUser actor) {
        requireGovernment(actor);
        Entity existing = jdbc.sql("select id from thinktank_entity where id = ? for update").param(id)
                .query(UUID.class).optional().flatMap(this::loadEntity)
                .orElseThrow(() -> BansoException.notFound("The entity"));
        EntityRequest merged = new EntityRequest(existing.organizationId(), request.analysisCapability(),
                request.hubCapability(), request.talentCapability(), request.confidentialityAgreedAt());
        validate(merged);
        Instant now = clock.instant();
        jdbc.sql("""
                update thinktank_entity set analysis_capability = ?, hub_capability = ?, talent_capability = ?,
                    confidentiality_agreed_at = ?, updated_at = ? where id = ?""")
                .params(strip(merged.analysisCapability()), strip(merged.hubCapability()),
                        strip(merged.talentCapability()), ts(merged.confidentialityAgreedAt()), Timestamp.from(now),
                        id)
                .update();
        Entity entity = loadEntity(id).orElseThrow();
        events.publishEvent(new ThinkTankEvents.EntityRecorded(id, entity.qualified(), actor.id(), now));
        return entity;
    }

    private void validate(EntityRequest request) {
        FieldChecks checks = new FieldChecks()
                .optionalText("analysisCapability", request.analysisCapability(), MAX_TEXT)
                .optionalText("hubCapability", request.hubCapability(), MAX_TEXT)
                .optionalText("talentCapability", request.talentCapability(), MAX_TEXT);
        if (request.organizationId() == null || identity.organization(request.organizationId()).isEmpty()) {
            checks.add(FieldError.coded("organizationId", "organization", "must name a registered organization"));
        }
        if (request.confidentialityAgreedAt() != null && request.confidentialityAgreedAt().isAfter(clock.instant())) {
            checks.add(new FieldError("confidentialityAgreedAt", "must not be in the future"));
        }
        checks.failIfAny();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entity> entities(BansoUser viewer) {
        return jdbc.sql("select id from thinktank_entity order by created_at").query(UUID.class).list().stream()
                .map(this::loadEntity).flatMap(Optional::stream)
                .filter(e -> maySee(viewer, e.organizationId())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Entity> entity(UUID id, BansoUser viewer) {
        return loadEntity(id).filter(e -> maySee(viewer, e.organizationId()));
    }

    private Optional<Entity> loadEntity(UUID id) {
        return jdbc.sql("select * from thinktank_entity where id = ?").param(id).query(this::entityRow).optional();
    }

    private Entity entityRow(ResultSet rs, int row) throws SQLException {
        OrganizationId org = new OrganizationId(rs.getObject("organization_id", UUID.class));
        String analysis = rs.getString("analysis_capability");
        String hub = rs.getString("hub_capability");
        String talent = rs.getString("talent_capability");
        Instant agreed = instant(rs.getTimestamp("confidentiality_agreed_at"));
        List<String> missing = new ArrayList<>();
        if (analysis == null) {
            missing.add("analysisCapability");
        }
        if (hub == null) {
            missing.add("hubCapability");
        }
        if (talent == null) {
            missing.add("talentCapability");
        }
        if (agreed == null) {
            missing.add("confidentialityAgreedAt");
        }
        return new Entity(rs.getObject("id", UUID.class), org,
                identity.organization(org).map(OrganizationView::name).orElse(""), analysis, hub, talent, agreed,
                missing.isEmpty(), List.copyOf(missing), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    @Override
    @Transactional
    public Commission commission(CommissionRequest request, BansoUser actor) {
        requireGovernment(actor);
        FieldChecks checks = new FieldChecks().text("subject", request.subject(), 500);
        if (request.periodStart() == null) {
            checks.add(new FieldError("periodStart", "is required"));
        }
        if (request.periodEnd() == null) {
            checks.add(new FieldError("periodEnd", "is required"));
        } else if (request.periodStart() != null && !request.periodEnd().isAfter(request.periodStart())) {
            checks.add(new FieldError("periodEnd", "must be after periodStart"));
        }
        List<TechnologyId> technologyIds = request.technologyIds() == null ? List.of()
                : request.technologyIds().stream().distinct().toList();
        for (int i = 0; i < technologyIds.size(); i++) {
            if (technologyIds.get(i) == null || technologies.technology(technologyIds.get(i), actor).isEmpty()) {
                checks.add(FieldError.coded("technologyIds[" + i + "]", "technology",
                        "must name a registered technology"));
            }
        }
        checkDeliverables(checks, request.deliverables(), request.periodStart(), request.periodEnd());
        if (request.entityId() == null) {
            checks.add(new FieldError("entityId", "is required"));
        }
        checks.failIfAny();
        Entity entity = jdbc.sql("select id from thinktank_entity where id = ? for share").param(request.entityId())
                .query(UUID.class).optional().flatMap(this::loadEntity)
                .orElseThrow(() -> BansoException.notFound("The entity"));
        requireQualified(entity);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into thinktank_commission (id, entity_id, commissioning_org_id, subject, period_start,
                    period_end, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, entity.id(), actor.organizationId().value(), request.subject().strip(),
                        Date.valueOf(request.periodStart()), Date.valueOf(request.periodEnd()), Timestamp.from(now),
                        actor.id().value())
                .update();
        for (TechnologyId technology : technologyIds) {
            jdbc.sql("insert into thinktank_commission_technology (commission_id, technology_id) values (?, ?)")
                    .params(id, technology.value()).update();
        }
        insertDeliverables(id, request.deliverables());
        events.publishEvent(new ThinkTankEvents.CommissionAwarded(id, entity.id(), actor.id(), now));
        return loadCommission(id).orElseThrow();
    }

    private static void requireQualified(Entity entity) {
        if (!entity.qualified()) {
            throw new BansoException(ProblemCode.ENTITY_NOT_QUALIFIED,
                    "The entity is not qualified: it lacks " + String.join(", ", entity.missing()) + ".");
        }
    }

    private static void checkDeliverables(FieldChecks checks, List<DeliverableRequest> deliverables, LocalDate start,
                                          LocalDate end) {
        if (deliverables == null) {
            return;
        }
        for (int i = 0; i < deliverables.size(); i++) {
            DeliverableRequest d = deliverables.get(i);
            if (d == null) {
                checks.add(new FieldError("deliverables[" + i + "]", "is required"));
                continue;
            }
            checks.text("deliverables[" + i + "].title", d.title(), 300);
            if (d.dueOn() == null) {
                checks.add(new FieldError("deliverables[" + i + "].dueOn", "is required"));
            } else if (start != null && end != null && (d.dueOn().isBefore(start) || d.dueOn().isAfter(end))) {
                checks.add(new FieldError("deliverables[" + i + "].dueOn", "must lie within the period"));
            }
        }
    }

    private void insertDeliverables(UUID commissionId, List<DeliverableRequest> deliverables) {
        if (deliverables == null) {
            return;
        }
        for (DeliverableRequest d : deliverables) {
            jdbc.sql("insert into thinktank_deliverable (id, commission_id, title, due_on) values (?, ?, ?, ?)")
                    .params(UUID.randomUUID(), commissionId, d.title().strip(), Date.valueOf(d.dueOn())).update();
        }
    }

    @Override
    @Transactional
    public Commission renew(UUID commissionId, RenewalRequest request, BansoUser actor) {
        requireGovernment(actor);
        Commission commission = jdbc.sql("select id from thinktank_commission where id = ? for update")
                .param(commissionId).query(UUID.class).optional().flatMap(this::loadCommission)
                .orElseThrow(() -> BansoException.notFound("The commission"));
        FieldChecks checks = new FieldChecks().text("reason", request.reason(), 2000);
        if (request.newEnd() == null || !request.newEnd().isAfter(commission.periodEnd())) {
            checks.add(new FieldError("newEnd", "must be after the current end " + commission.periodEnd()));
        }
        checkDeliverables(checks, request.deliverables(), commission.periodStart(), request.newEnd());
        checks.failIfAny();
        requireQualified(loadEntity(commission.entityId()).orElseThrow());
        Instant now = clock.instant();
        jdbc.sql("""
                insert into thinktank_commission_renewal (id, commission_id, previous_end, new_end, reason,
                    renewed_at, renewed_by) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), commissionId, Date.valueOf(commission.periodEnd()),
                        Date.valueOf(request.newEnd()), request.reason().strip(), Timestamp.from(now),
                        actor.id().value())
                .update();
        jdbc.sql("update thinktank_commission set period_end = ? where id = ?")
                .params(Date.valueOf(request.newEnd()), commissionId).update();
        insertDeliverables(commissionId, request.deliverables());
        events.publishEvent(new ThinkTankEvents.CommissionRenewed(commissionId, commission.periodEnd(),
                request.newEnd(), actor.id(), now));
        return loadCommission(commissionId).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Commission> commissions(BansoUser viewer) {
        return jdbc.sql("select id from thinktank_commission order by created_at desc").query(UUID.class).list()
                .stream().map(this::loadCommission).flatMap(Optional::stream)
                .filter(c -> maySee(viewer, c.entityOrganizationId())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Commission> commission(UUID id, BansoUser viewer) {
        return loadCommission(id).filter(c -> maySee(viewer, c.entityOrganizationId()));
    }

    @Override
    @Transactional
    public Commission submitDeliverable(UUID commissionId, UUID deliverableId, CouncilId council,
                                        InformationItems.Upload file, BansoUser actor) {
        Commission commission = commission(commissionId, actor)
                .orElseThrow(() -> BansoException.notFound("The commission"));
        if (!commission.entityOrganizationId().equals(actor.organizationId())) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only the commissioned entity submits the commission's deliverables.");
        }
        Deliverable deliverable = jdbc.sql("""
                        select id from thinktank_deliverable where id = ? and commission_id = ? for update""")
                .params(deliverableId, commissionId).query(UUID.class).optional()
                .flatMap(id -> commission.deliverables().stream().filter(d -> d.id().equals(id)).findFirst())
                .orElseThrow(() -> BansoException.notFound("The deliverable"));
        if (file == null || file.bytes() == null) {
            throw BansoException.invalid("file", "is required");
        }
        Instant now = clock.instant();
        ItemId item;
        CouncilId providedTo;
        if (deliverable.submitted()) {
            if (council != null && !council.equals(deliverable.councilId())) {
                throw BansoException.invalid("councilId",
                        "the deliverable was provided to another council; a new submission adds a version there");
            }
            item = items.addVersion(deliverable.itemId(), file, actor).id();
            providedTo = deliverable.councilId();
        } else {
            if (council == null) {
                throw BansoException.invalid("councilId", "is required");
            }
            item = items.upload(council, new InformationItems.NewItem(deliverable.title(), ItemCategory.REPORT, null),
                    file, actor).id();
            providedTo = council;
            jdbc.sql("""
                            update thinktank_deliverable set item_id = ?, council_id = ?, submitted_at = ?,
                            submitted_by = ? where id = ?""")
                    .params(item.value(), council.value(), Timestamp.from(now), actor.id().value(), deliverableId)
                    .update();
        }
        events.publishEvent(new ThinkTankEvents.DeliverableSubmitted(commissionId, deliverableId, item.value(),
                providedTo.value(), actor.id(), now));
        return loadCommission(commissionId).orElseThrow();
    }

    private Optional<Commission> loadCommission(UUID id) {
        return jdbc.sql("""
                select c.*, e.organization_id as entity_org from thinktank_commission c
                join thinktank_entity e on e.id = c.entity_id where c.id = ?""")
                .param(id).query((rs, n) -> new Commission(id, rs.getObject("entity_id", UUID.class),
                        new OrganizationId(rs.getObject("entity_org", UUID.class)),
                        new OrganizationId(rs.getObject("commissioning_org_id", UUID.class)),
                        rs.getString("subject"),
                        jdbc.sql("select technology_id from thinktank_commission_technology where commission_id = ?")
                                .param(id).query(UUID.class).list().stream().map(TechnologyId::new).toList(),
                        rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
                        jdbc.sql("""
                                select id, title, due_on, item_id, council_id, submitted_at from thinktank_deliverable
                                where commission_id = ? order by due_on, title""").param(id)
                                .query((d, m) -> new Deliverable(d.getObject("id", UUID.class), d.getString("title"),
                                        d.getDate("due_on").toLocalDate(),
                                        d.getObject("item_id", UUID.class) == null ? null
                                                : new ItemId(d.getObject("item_id", UUID.class)),
                                        d.getObject("council_id", UUID.class) == null ? null
                                                : new CouncilId(d.getObject("council_id", UUID.class)),
                                        instant(d.getTimestamp("submitted_at")))).list(),
                        jdbc.sql("""
                                select previous_end, new_end, reason, renewed_at from thinktank_commission_renewal
                                where commission_id = ? order by renewed_at""").param(id)
                                .query((r, m) -> new Renewal(r.getDate("previous_end").toLocalDate(),
                                        r.getDate("new_end").toLocalDate(), r.getString("reason"),
                                        instant(r.getTimestamp("renewed_at")))).list(),
                        instant(rs.getTimestamp("created_at"))))
                .optional();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
