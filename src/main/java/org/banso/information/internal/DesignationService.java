package org.banso.information.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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
 * Designations (R14–R16): checked when a proposal carrying one is made or amended, put into effect in the adopting
 * transaction; ended early or narrowed the same way; and what proposals decide about research results' publication
 * by default (their review window, and the deliberations that hold it — see {@link ReviewWindows}). Coverage is
 * materialised: applying writes a row for every targeted item and every present item its rule matches; storing an
 * item later writes rows for every unended designation whose rule matches it.
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
    private final ReviewWindows reviewWindows;

    DesignationService(JdbcClient jdbc, InformationProperties properties, FactsStore facts,
                       ApplicationEventPublisher events, java.time.Clock clock, Councils councils,
                       CouncilMemberships memberships, DesignationTimeline timeline, DateBounds dateBounds,
                       ReviewWindows reviewWindows) {
        this.dateBounds = dateBounds;
        this.reviewWindows = reviewWindows;
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
            jdbc.sql("""
                            select id, published_at is not null or coalesce(auto_public_at <= ?, false)
                            from information_item where council_id = ? and id = any(?)""")
                    .params(ts(clock.instant()), council.value(), itemIds.toArray(UUID[]::new)).query(rs -> {
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
                        "already public: a published item, or one public by default, cannot be designated (R16)"));
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
            java.time.Period max = properties.maxDesignationPeriod();
            throw new BansoException(ProblemCode.PERIOD_TOO_LONG,
                    "A designation may last at most " + max + " (R15).",
                    List.of(FieldError.coded("designation.periodEnd", "period-too-long",
                            "must be at most " + max + " after the start", max.getYears(), max.getMonths(),
                            max.getDays())));
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
        applyChecked(council, proposal, d, d.periodStart(), adoptedBy);
    }

    /** Stores a designation already checked, in force from {@code start}. */
    private DesignationId applyChecked(CouncilId council, ProposalId proposal, Designation d, Instant start,
                                       UserId adoptedBy) {
        Instant now = clock.instant();
        DesignationId id = DesignationId.random();
        ItemCategory category = d.rule() == null ? null : category(d.rule().category());
        UUID project = d.rule() == null ? null : d.rule().projectId();
        jdbc.sql("""
                        insert into information_designation (id, council_id, proposal_id, handling, after_period,
                            period_start, period_end, stated_period_end, rule_category, rule_project_id,
                            rationale_social_implementation, rationale_leakage_prevention, rationale_innovation,
                            rationale_participation_incentive, adopted_by, applied_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), council.value(), proposal.value(), handling(d.handling()).name(),
                        afterPeriod(d.afterPeriod()).name(), ts(start), ts(d.periodEnd()), ts(d.periodEnd()),
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
                              and i.published_at is null and (i.auto_public_at is null or i.auto_public_at > ?)
                            on conflict do nothing""")
                    .params(id.value(), council.value(), category.name(), project, project, ts(now)).update();
        }
        List<ItemId> items = jdbc.sql("select item_id from information_designation_item where designation_id = ?")
                .param(id.value()).query(UUID.class).list().stream().map(ItemId::new).toList();
        reviewWindows.covered(items, now);
        facts.changedAll();
        events.publishEvent(new InformationEvents.DesignationApplied(id, council, proposal, items, start,
                d.periodEnd(), adoptedBy, now));
        return id;
    }

    // ------------------------------------------------------------------ ending early and narrowing (R16)

    /** A designation of the council as the lift checks see it. */
    private record Liftable(DesignationId id, Instant start, Instant end, Handling handling, Marking afterPeriod,
                            ItemCategory ruleCategory, UUID ruleProject, Set<UUID> items, Set<UUID> scope) {
    }

    /** The council's designation, in force or to come and not ended early, locked for the adopting transaction. */
    private Optional<Liftable> liftable(CouncilId council, UUID designation, Instant now) {
        return jdbc.sql("""
                        select d.id, d.period_start, d.period_end, d.handling, d.after_period, d.rule_category,
                               d.rule_project_id,
                               array(select di.item_id from information_designation_item di
                                     where di.designation_id = d.id) as items,
                               array(select s.participant_id from information_designation_scope s
                                     where s.designation_id = d.id) as scope
                        from information_designation d
                        where d.id = ? and d.council_id = ? and d.period_end > ? and d.lifted_at is null
                        for update""")
                .params(designation, council.value(), ts(now))
                .query((rs, n) -> new Liftable(new DesignationId(rs.getObject(1, UUID.class)),
                        rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                        Handling.valueOf(rs.getString(4)), Marking.valueOf(rs.getString(5)),
                        category(rs.getString(6)), rs.getObject(7, UUID.class),
                        uuids(rs.getArray(8)), uuids(rs.getArray(9))))
                .optional();
    }

    private static Set<UUID> uuids(java.sql.Array array) throws java.sql.SQLException {
        Set<UUID> ids = new HashSet<>();
        for (Object o : (Object[]) array.getArray()) {
            ids.add((UUID) o);
        }
        return ids;
    }

    /**
     * R16: the designation is one of the council's, in force or to come, and not already ended early; a narrowing's
     * replacement is a valid designation (R15) that restricts no more than it: only items it covers (or its own rule,
     * possibly within one project), every participant of its scope who still takes part, an end no later, handling
     * no stricter (view only may become traced download, never the reverse), after its period no less open. The
     * replacement's start may be omitted: it is in force from the adoption (or the lifted one's start, if later).
     */
    @Override
    @Transactional
    public void validateLift(CouncilId council, UUID designation, Designation replacement) {
        Liftable lifted = liftable(council, designation, clock.instant()).orElseThrow(() ->
                new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                        List.of(FieldError.coded("liftsDesignationId", "designation-not-liftable",
                                "must be a designation of this council in force or to come"))));
        if (replacement == null) {
            return;
        }
        Designation effective = withStart(replacement, lifted.start());
        validate(council, effective);
        FieldChecks checks = new FieldChecks();
        List<UUID> items = effective.itemIds() == null ? List.of() : effective.itemIds();
        if (!lifted.items().containsAll(items)) {
            checks.add(FieldError.coded("designation.itemIds", "designation-not-narrower",
                    "a narrowing may only keep items the designation covers"));
        }
        if (effective.rule() != null) {
            ItemCategory category = category(effective.rule().category());
            boolean sameRule = lifted.ruleCategory() != null && lifted.ruleCategory() == category
                    && (lifted.ruleProject() == null || lifted.ruleProject().equals(effective.rule().projectId()));
            if (!sameRule) {
                checks.add(FieldError.coded("designation.rule.category", "designation-not-narrower",
                        "a narrowing may only keep the designation's own rule"));
            }
        }
        Set<UUID> stillThere = new HashSet<>(lifted.scope());
        stillThere.retainAll(memberships.currentParticipants(council).stream().map(ParticipantId::value).toList());
        if (!new HashSet<>(effective.scopeParticipantIds()).containsAll(stillThere)) {
            checks.add(FieldError.coded("designation.scopeParticipantIds", "designation-not-narrower",
                    "a narrowing keeps every participant of the scope who still takes part"));
        }
        if (effective.periodEnd().isAfter(lifted.end())) {
            checks.add(FieldError.coded("designation.periodEnd", "designation-not-narrower",
                    "a narrowing may end earlier, not later"));
        }
        if (lifted.handling() == Handling.DOWNLOAD_TRACED && handling(effective.handling()) == Handling.VIEW_ONLY) {
            checks.add(FieldError.coded("designation.handling", "designation-not-narrower",
                    "a narrowing may not make the handling stricter"));
        }
        if (lifted.afterPeriod() == Marking.PUBLIC && afterPeriod(effective.afterPeriod()) == Marking.COUNCIL) {
            checks.add(FieldError.coded("designation.afterPeriod", "designation-not-narrower",
                    "a narrowing may not keep the items closed after the period"));
        }
        checks.failIfAny("A narrowing may only restrict less than the designation it replaces (R16).");
    }

    private static Designation withStart(Designation d, Instant start) {
        return d.periodStart() != null ? d : new Designation(d.itemIds(), d.rule(), d.scopeParticipantIds(), start,
                d.periodEnd(), d.handling(), d.afterPeriod(), d.rationale());
    }

    /**
     * R16: ends the designation at the adoption — its period ends now (started now, if it had not started), its items
     * become what it said for after its period — records the release at once with a notice and an audit entry, and
     * applies a narrowing's replacement in force from now (or from the lifted one's start, if later) so that the items
     * it keeps stay controlled without a gap.
     */
    @Override
    @Transactional
    public void lift(CouncilId council, ProposalId proposal, UUID designation, Designation replacement,
                     UserId adoptedBy) {
        validateLift(council, designation, replacement);
        Instant now = clock.instant();
        Liftable lifted = liftable(council, designation, now).orElseThrow();
        jdbc.sql("""
                        update information_designation
                        set period_start = least(period_start, ?), period_end = ?, lifted_at = ?,
                            lifted_by_proposal_id = ?, release_recorded_at = ?
                        where id = ?""")
                .params(ts(now), ts(now), ts(now), proposal.value(), ts(now), designation).update();
        facts.changed(lifted.id());
        timeline.changed();
        DesignationId replacementId = null;
        Set<UUID> kept = Set.of();
        if (replacement != null) {
            Instant start = lifted.start().isAfter(now) ? lifted.start() : now;
            replacementId = applyChecked(council, proposal, withStart(replacement, start), start, adoptedBy);
            jdbc.sql("update information_designation set replaced_by = ? where id = ?")
                    .params(replacementId.value(), designation).update();
            kept = new HashSet<>(jdbc.sql("select item_id from information_designation_item where designation_id = ?")
                    .param(replacementId.value()).query(UUID.class).list());
        }
        List<UUID> released = new ArrayList<>(lifted.items());
        released.removeAll(kept);
        released.sort(null);
        UUID notice = UUID.randomUUID();
        jdbc.sql("""
                        insert into information_notice (id, council_id, kind, designation_id, after_period, created_at)
                        values (?, ?, 'DESIGNATION_LIFTED', ?, ?, ?)""")
                .params(notice, council.value(), designation, lifted.afterPeriod().name(), ts(now)).update();
        for (UUID item : released) {
            jdbc.sql("insert into information_notice_item (notice_id, item_id) values (?, ?)")
                    .params(notice, item).update();
        }
        facts.changedAll();
        events.publishEvent(new InformationEvents.DesignationLifted(lifted.id(), council, proposal,
                released.stream().map(ItemId::new).toList(), lifted.afterPeriod(), replacementId, adoptedBy, now));
    }

    // ------------------------------------------------------------------ review windows and deliberations (R16)

    @Override
    public void validateReviewWindow(CouncilId council, int days) {
        long max = properties.maxReviewWindow().toDays();
        if (days < 1 || days > max) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                    List.of(FieldError.coded("reviewWindowDays", "review-window-range",
                            "must be 1 to " + max + " days", 1, max)));
        }
    }

    @Override
    @Transactional
    public void setReviewWindow(CouncilId council, ProposalId proposal, int days, UserId adoptedBy) {
        validateReviewWindow(council, days);
        reviewWindows.set(council, proposal, days, adoptedBy, clock.instant());
    }

    @Override
    @Transactional
    public void deliberating(CouncilId council, ProposalId proposal, Designation designation, Instant from,
                             Instant deadline) {
        reviewWindows.deliberating(council, proposal, designation, from, deadline);
    }

    @Override
    @Transactional
    public void closed(CouncilId council, ProposalId proposal, Instant at) {
        reviewWindows.closed(council, proposal, at);
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
