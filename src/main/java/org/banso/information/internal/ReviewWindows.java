package org.banso.information.internal;

import static org.banso.information.internal.DesignationService.ts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.Designation;
import org.banso.council.ProposalId;
import org.banso.identity.UserId;
import org.banso.information.InformationEvents;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Research results are public by default (R16, 研究成果は公開を基本): a council's research result of one of its projects
 * that no designation covers becomes PUBLIC when its review window ends — the council's window (set by an adopted
 * INFORMATION_MANAGEMENT proposal, else {@code banso.information.review-window}) after its upload or its latest
 * version — unless a proposal that would designate it is open at that moment; then it waits for that proposal's
 * outcome: adopted, the designation governs it; otherwise it is public when the proposal closed (withdrawn, amended
 * to leave it out, lapsed at its deadline), unless another such proposal was open by then, and so on.
 *
 * <p>The instant it becomes public ({@code auto_public_at}) is a function of stored facts — the window's end, the
 * intervals during which proposals would designate it, its designations — and is recomputed in every transaction that
 * changes one of them; the marking compares it with the clock at request time, so no job's progress decides what is
 * visible. A proposal without deadline that is still open leaves it unknown (null: not public). Items already public by
 * default never change back: only holds opening from now on are added, and history is not rewritten.
 */
@Component
class ReviewWindows {

    private final JdbcClient jdbc;
    private final InformationProperties properties;
    private final FactsStore facts;
    private final DesignationTimeline timeline;
    private final ApplicationEventPublisher events;

    ReviewWindows(JdbcClient jdbc, InformationProperties properties, FactsStore facts, DesignationTimeline timeline,
                  ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.facts = facts;
        this.timeline = timeline;
        this.events = events;
    }

    /** Whether an item is a project's research result in a council: the only items public by default (R16). */
    static boolean eligible(CouncilId council, ItemCategory category, UUID project) {
        return council != null && category == ItemCategory.RESEARCH_RESULT && project != null;
    }

    /** The council's review window in force: the latest one its adopted proposals set, else the configured default. */
    int days(CouncilId council) {
        return jdbc.sql("""
                        select days from information_review_window where council_id = ?
                        order by set_at desc, proposal_id limit 1""")
                .param(council.value()).query(Integer.class).optional()
                .orElse((int) properties.reviewWindow().toDays());
    }

    /** The window set by an adopted proposal (R16); items stored from now on get it. */
    void set(CouncilId council, ProposalId proposal, int days, UserId by, Instant now) {
        jdbc.sql("""
                        insert into information_review_window (council_id, days, proposal_id, set_by, set_at)
                        values (?, ?, ?, ?, ?)""")
                .params(council.value(), days, proposal.value(), by.value(), ts(now)).update();
        events.publishEvent(new InformationEvents.ReviewWindowSet(council, proposal, days, by, now));
    }

    /** A stored item or a new version of it: a research result's window starts (again) now, if it is not public yet. */
    void started(ItemId item, CouncilId council, ItemCategory category, UUID project, Instant now) {
        if (!eligible(council, category, project)) {
            return;
        }
        int changed = jdbc.sql("""
                        update information_item set review_window_ends_at = ?
                        where id = ? and published_at is null and (auto_public_at is null or auto_public_at > ?)
                          and not exists (select 1 from information_designation_item di
                                          where di.item_id = information_item.id)""")
                .params(ts(now.plus(Duration.ofDays(days(council)))), item.value(), ts(now)).update();
        if (changed > 0) {
            recompute(council, List.of(item), now);
        }
    }

    /**
     * The proposal's current revision is open from {@code from} and would designate what {@code designation} names
     * until its {@code deadline} (null: until it closes); its previous revision's hold ends at {@code from}.
     */
    void deliberating(CouncilId council, ProposalId proposal, Designation designation, Instant from,
                      Instant deadline) {
        endHolds(proposal, from);
        if (designation != null) {
            List<UUID> items = designation.itemIds() == null ? List.of() : designation.itemIds();
            String category = designation.rule() == null ? null : designation.rule().category();
            UUID project = designation.rule() == null ? null : designation.rule().projectId();
            jdbc.sql("""
                            insert into information_review_hold (proposal_id, opened_at, council_id, item_ids,
                                rule_category, rule_project_id, held_until) values (?, ?, ?, ?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(proposal.value(), ts(from), council.value(), items.toArray(UUID[]::new), category,
                            project, ts(deadline)).update();
        }
        recomputeCouncil(council, from);
    }

    /** The proposal closed (adopted or withdrawn): nothing waits for it from {@code at} on. */
    void closed(CouncilId council, ProposalId proposal, Instant at) {
        endHolds(proposal, at);
        recomputeCouncil(council, at);
    }

    private void endHolds(ProposalId proposal, Instant at) {
        jdbc.sql("""
                        update information_review_hold set held_until = greatest(opened_at, ?)
                        where proposal_id = ? and (held_until is null or held_until > ?)""")
                .params(ts(at), proposal.value(), ts(at)).update();
    }

    /** Designations now cover these items: they are never public by default (the designation governs them). */
    void covered(List<ItemId> items, Instant now) {
        if (items.isEmpty()) {
            return;
        }
        int changed = jdbc.sql("""
                        update information_item set auto_public_at = null
                        where id = any(?) and auto_public_at is not null and auto_public_at > ?""")
                .params(items.stream().map(ItemId::value).toArray(UUID[]::new), ts(now)).update();
        if (changed > 0) {
            items.forEach(facts::changed);
            timeline.changed();
        }
    }

    /** Whether a proposal that would designate the item is open now: its publication waits (R16). */
    boolean held(ItemId item, CouncilId council, ItemCategory category, UUID project, Instant now) {
        if (council == null) {
            return false;
        }
        return holds(council).stream().anyMatch(h -> h.wouldDesignate(item.value(), category, project)
                && h.holdsAt(now));
    }

    /** Everything the item page says about a research result's publication by default. */
    record Schedule(Instant windowEnds, Instant publicAt, boolean held) {
    }

    Schedule schedule(ItemId item, CouncilId council, ItemCategory category, UUID project, Instant now) {
        if (!eligible(council, category, project)) {
            return new Schedule(null, null, false);
        }
        return jdbc.sql("select review_window_ends_at, auto_public_at from information_item where id = ?")
                .param(item.value())
                .query((rs, n) -> new Schedule(FactsStore.instant(rs.getTimestamp(1)),
                        FactsStore.instant(rs.getTimestamp(2)), held(item, council, category, project, now)))
                .single();
    }

    private void recomputeCouncil(CouncilId council, Instant now) {
        List<ItemId> pending = jdbc.sql("""
                        select i.id from information_item i
                        where i.council_id = ? and i.review_window_ends_at is not null and i.published_at is null
                          and (i.auto_public_at is null or i.auto_public_at > ?)
                          and not exists (select 1 from information_designation_item di where di.item_id = i.id)""")
                .params(council.value(), ts(now)).query(UUID.class).list().stream().map(ItemId::new).toList();
        recompute(council, pending, now);
    }

    private record Pending(ItemId id, ItemCategory category, UUID project, Instant windowEnds, Instant current) {
    }

    /** Recomputes when each pending item becomes public by default and records what changed. */
    private void recompute(CouncilId council, List<ItemId> items, Instant now) {
        if (items.isEmpty()) {
            return;
        }
        List<Hold> holds = holds(council);
        List<Pending> pending = jdbc.sql("""
                        select id, category, project_id, review_window_ends_at, auto_public_at from information_item
                        where id = any(?) and review_window_ends_at is not null and published_at is null
                          and (auto_public_at is null or auto_public_at > ?)""")
                .params(items.stream().map(ItemId::value).toArray(UUID[]::new), ts(now))
                .query((rs, n) -> new Pending(new ItemId(rs.getObject(1, UUID.class)),
                        ItemCategory.valueOf(rs.getString(2)), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(), FactsStore.instant(rs.getTimestamp(5)))).list();
        boolean any = false;
        for (Pending p : pending) {
            Instant publicAt = publicAt(p.windowEnds(), holds.stream()
                    .filter(h -> h.wouldDesignate(p.id().value(), p.category(), p.project())).toList());
            if (!Objects.equals(publicAt, p.current())) {
                jdbc.sql("update information_item set auto_public_at = ? where id = ?")
                        .params(ts(publicAt), p.id().value()).update();
                facts.changed(p.id());
                events.publishEvent(new InformationEvents.PublicationScheduled(p.id(), council, p.windowEnds(),
                        publicAt, now));
                any = true;
            }
        }
        if (any) {
            timeline.changed();
        }
    }

    /**
     * The first instant at or after the window's end at which no hold is open: each hold open then delays it to the
     * hold's end; one open without end leaves it unknown (null).
     */
    static Instant publicAt(Instant windowEnds, List<Hold> holds) {
        Instant t = windowEnds;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Hold h : holds) {
                if (h.holdsAt(t)) {
                    if (h.until() == null) {
                        return null;
                    }
                    t = h.until();
                    moved = true;
                }
            }
        }
        return t;
    }

    /** A revision that would designate items (by id, or by a category within a project) from {@code from} until
     * {@code until} (exclusive; null: open without end). */
    record Hold(Set<UUID> items, ItemCategory category, UUID project, Instant from, Instant until) {

        boolean holdsAt(Instant t) {
            return !t.isBefore(from) && (until == null || t.isBefore(until));
        }

        boolean wouldDesignate(UUID item, ItemCategory itemCategory, UUID itemProject) {
            return items.contains(item) || (category != null && category == itemCategory
                    && (project == null || project.equals(itemProject)));
        }
    }

    private List<Hold> holds(CouncilId council) {
        List<Hold> holds = new ArrayList<>();
        jdbc.sql("""
                        select item_ids, rule_category, rule_project_id, opened_at, held_until
                        from information_review_hold where council_id = ?""")
                .param(council.value()).query(rs -> {
                    Object[] ids = (Object[]) rs.getArray(1).getArray();
                    String category = rs.getString(2);
                    holds.add(new Hold(Set.copyOf(Arrays.stream(ids).map(UUID.class::cast).toList()),
                            category == null ? null : DesignationService.category(category),
                            rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant(),
                            FactsStore.instant(rs.getTimestamp(5))));
                });
        return holds;
    }
}
