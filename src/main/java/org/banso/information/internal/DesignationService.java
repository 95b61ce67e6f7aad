package org.banso.information.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMemberships;
import org.banso.council.Councils;
import org.banso.council.Designation;
import org.banso.council.ParticipantId;
import org.banso.council.ProposalDesignations;
import org.banso.council.ProposalId;
import org.banso.identity.UserId;
import org.banso.information.DesignationId;
import org.banso.information.Handling;
import org.banso.information.InformationEvents;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.banso.information.Marking;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.DateBounds;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Designations (R14, R15): checked when a proposal carrying one is made or amended, put into effect in the adopting
 * transaction. Coverage is materialised: applying writes a row for every targeted item and every present item its
 * rule matches; storing an item later writes rows for every unended designation whose rule matches it.
 */
@Service
class DesignationService implements ProposalDesignations {

    /** The advisory lock space of rule designations versus new items (the second key is the council). */
    private static final int RULE_LOCK = 0x1f0_2100;

    private final JdbcClient jdbc;
    private final InformationProperties properties;
    private final FactsStore facts;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final Councils councils;
    private final CouncilMemberships memberships;
    private final DesignationTimeline timeline;
    private final DateBounds dateBounds;

    DesignationService(JdbcClient jdbc, InformationProperties properties, FactsStore facts,
                       ApplicationEventPublisher events, java.time.Clock clock, Councils councils,
                       CouncilMemberships memberships, DesignationTimeline timeline, DateBounds dateBounds) {
        this.dateBounds = dateBounds;
        this.councils = councils;
        this.memberships = memberships;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.properties = properties;
        this.facts = facts;
        this.events = events;
        this.clock = clock;
    }

    /** R15: target, scope, period (bounded), handling, after-period and the four rationales; every error at once. */
    @Override
    @Transactional(readOnly = true)
    public void validate(CouncilId council, Designation d) {
        FieldChecks checks = new FieldChecks();
        List<UUID> itemIds = d.itemIds() == null ? List.of() : d.itemIds();
        if (itemIds.isEmpty() && d.rule() == null) {
            checks.add(FieldError.coded("designation.itemIds", "designation-target",
                    "name the items or a rule (category within a project)"));
        }
        if (!itemIds.isEmpty()) {
            Set<UUID> unknown = new HashSet<>(itemIds);
            Set<UUID> published = new HashSet<>();
            jdbc.sql("select id, published_at is not null from information_item where council_id = ? and id = any(?)")
                    .params(council.value(), itemIds.toArray(UUID[]::new)).query(rs -> {
                        UUID id = rs.getObject(1, UUID.class);
                        unknown.remove(id);
                        if (rs.getBoolean(2)) {
                            published.add(id);
                        }
                    });
            if (!unknown.isEmpty()) {
                checks.add(FieldError.coded("designation.itemIds", "designation-unknown-items",
                        "every item must exist in this council"));
            }
            if (!published.isEmpty()) {
                checks.add(FieldError.coded("designation.itemIds", "designation-already-public",
                        "already public: a published item cannot be designated (R16)"));
            }
        }
        if (d.rule() != null) {
            if (category(d.rule().category()) == null) {
                checks.add(FieldError.coded("designation.rule.category", "designation-category",
                        "must be one of the item categories"));
            }
            if (d.rule().projectId() != null && !councils.councilOfProject(d.rule().projectId())
                    .map(c -> c.id().equals(council)).orElse(false)) {
                checks.add(FieldError.coded("designation.rule.projectId", "designation-project",
                        "must be one of the council's projects"));
            }
        }
        List<UUID> scope = d.scopeParticipantIds() == null ? List.of() : d.scopeParticipantIds();
        if (scope.isEmpty()) {
            checks.add(FieldError.coded("designation.scopeParticipantIds", "required",
                    "name at least one participant"));
        } else if (!memberships.currentParticipants(council).containsAll(
                scope.stream().map(ParticipantId::new).toList())) {
            checks.add(FieldError.coded("designation.scopeParticipantIds", "designation-scope",
                    "every participant in the scope must currently take part in the council"));
        }
        if (d.periodStart() == null) {
            checks.add(FieldError.coded("designation.periodStart", "required", "must be given"));
        }
        if (d.periodEnd() == null) {
            checks.add(FieldError.coded("designation.periodEnd", "required", "the end is mandatory (R15)"));
        }
        // far-off instants would overflow the period arithmetic below and the database's range
        if (d.periodStart() != null && !dateBounds.contains(d.periodStart())) {
            checks.add(dateBounds.error("designation.periodStart"));
        }
        if (d.periodEnd() != null && !dateBounds.contains(d.periodEnd())) {
            checks.add(dateBounds.error("designation.periodEnd"));
        }
        if (d.periodStart() != null && d.periodEnd() != null && d.periodEnd().isBefore(d.periodStart())) {
            checks.add(FieldError.coded("designation.periodEnd", "designation-period-order",
                    "must not be before the start"));
        }
        if (handling(d.handling()) == null) {
            checks.add(FieldError.coded("designation.handling", "designation-handling",
                    "must be VIEW_ONLY or DOWNLOAD_TRACED"));
        }
        if (afterPeriod(d.afterPeriod()) == null) {
            checks.add(FieldError.coded("designation.afterPeriod", "designation-after-period",
                    "must be COUNCIL or PUBLIC"));
        }
        Designation.Rationale r = d.rationale();
        checks.text("designation.rationale.socialImplementation", r == null ? null : r.socialImplementation(), 4000);
        checks.text("designation.rationale.leakagePrevention", r == null ? null : r.leakagePrevention(), 4000);
        checks.text("designation.rationale.innovation", r == null ? null : r.innovation(), 4000);
        checks.text("designation.rationale.participationIncentive",
                r == null ? null : r.participationIncentive(), 4000);
        checks.failIfAny("The designation is not valid (R15).");
        Instant latestEnd = d.periodStart().atOffset(ZoneOffset.UTC).plus(properties.maxDesignationPeriod())
                .toInstant();
        if (d.periodEnd().isAfter(latestEnd)) {
            throw new BansoException(ProblemCode.PERIOD_TOO_LONG,
                    "A designation may last at most " + properties.maxDesignationPeriod() + " (R15).",
                    List.of(FieldError.coded("designation.periodEnd", "period-too-long",
                            "must be at most " + properties.maxDesignationPeriod() + " after the start",
                            properties.maxDesignationPeriod().toString())));
        }
    }

    /**
     * Stores the designation and its coverage in the adopting transaction and publishes DesignationApplied. It is
     * checked again first: an item published or a participant gone since the proposal makes the adoption fail.
     */
    @Override
    @Transactional
    public void apply(CouncilId council, ProposalId proposal, Designation d, UserId adoptedBy) {
        validate(council, d);
        Instant now = clock.instant();
        DesignationId id = DesignationId.random();
        ItemCategory category = d.rule() == null ? null : category(d.rule().category());
        UUID project = d.rule() == null ? null : d.rule().projectId();
        jdbc.sql("""
                        insert into information_designation (id, council_id, proposal_id, handling, after_period,
                            period_start, period_end, rule_category, rule_project_id, rationale_social_implementation,
                            rationale_leakage_prevention, rationale_innovation, rationale_participation_incentive,
                            adopted_by, applied_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), council.value(), proposal.value(), handling(d.handling()).name(),
                        afterPeriod(d.afterPeriod()).name(), ts(d.periodStart()), ts(d.periodEnd()),
                        category == null ? null : category.name(), project,
                        d.rationale().socialImplementation().strip(), d.rationale().leakagePrevention().strip(),
                        d.rationale().innovation().strip(), d.rationale().participationIncentive().strip(),
                        adoptedBy.value(), ts(now))
                .update();
        timeline.changed();
        for (UUID participant : new LinkedHashSet<>(d.scopeParticipantIds())) {
            jdbc.sql("insert into information_designation_scope (designation_id, participant_id) values (?, ?)")
                    .params(id.value(), participant).update();
        }
        if (d.itemIds() != null && !d.itemIds().isEmpty()) {
            jdbc.sql("""
                            insert into information_designation_item (designation_id, item_id)
                            select ?, i.id from information_item i where i.council_id = ? and i.id = any(?)
                            on conflict do nothing""")
                    .params(id.value(), council.value(), d.itemIds().toArray(UUID[]::new)).update();
        }
        if (category != null) {
            // exclusive against uploads in this council, which hold it shared until they commit: an item stored
            // concurrently is either seen here or sees this designation (no write skew between rule and item)
            jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").params(RULE_LOCK, council.value().toString())
                    .query(rs -> { });
            jdbc.sql("""
                            insert into information_designation_item (designation_id, item_id)
                            select ?, i.id from information_item i
                            where i.council_id = ? and i.category = ? and (?::uuid is null or i.project_id = ?)
                              and i.published_at is null
                            on conflict do nothing""")
                    .params(id.value(), council.value(), category.name(), project, project).update();
        }
        List<ItemId> items = jdbc.sql("select item_id from information_designation_item where designation_id = ?")
                .param(id.value()).query(UUID.class).list().stream().map(ItemId::new).toList();
        facts.changedAll();
        events.publishEvent(new InformationEvents.DesignationApplied(id, council, proposal, items, d.periodStart(),
                d.periodEnd(), adoptedBy, now));
    }

    /** A new item falls under every unended designation whose rule matches it (rules cover future items, R15). */
    void coverNewItem(ItemId item, CouncilId council, ItemCategory category, UUID project, Instant now) {
        jdbc.sql("select pg_advisory_xact_lock_shared(?, hashtext(?))").params(RULE_LOCK, council.value().toString())
                .query(rs -> { });
        jdbc.sql("""
                        insert into information_designation_item (designation_id, item_id)
                        select d.id, ? from information_designation d
                        where d.council_id = ? and d.rule_category = ? and d.period_end > ?
                          and (d.rule_project_id is null or d.rule_project_id = ?)
                        on conflict do nothing""")
                .params(item.value(), council.value(), category.name(), ts(now), project).update();
    }

    static ItemCategory category(String value) {
        return parse(ItemCategory.class, value);
    }

    static Handling handling(String value) {
        return parse(Handling.class, value);
    }

    static Marking afterPeriod(String value) {
        Marking marking = parse(Marking.class, value);
        return marking == Marking.CONTROLLED ? null : marking;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
