package org.banso.information.internal;

import static org.banso.information.internal.DesignationService.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilViews;
import org.banso.council.Councils;
import org.banso.identity.BansoUser;
import org.banso.information.AccessDecision;
import org.banso.information.DesignationId;
import org.banso.information.InformationAction;
import org.banso.information.InformationItems.ItemSummary;
import org.banso.information.InformationItems.Notice;
import org.banso.information.Marking;
import org.banso.information.internal.AccessFacts.DesignationFacts;
import org.banso.information.internal.AccessFacts.ItemFacts;
import org.banso.information.internal.MarkingRules.MarkingState;
import org.banso.shared.BansoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists of items — a council's listing, the notices of designations and releases, the public results — each read in
 * one query narrowed in SQL to what the viewer may see, then every row checked again by the policy's pure rules
 * (R12, R15, R16, R17). The caller ({@link ItemService}) holds the transaction that logs the access decisions.
 */
@Component
class ItemQueries {

    /** The deepest listing page: an offset costs its depth in rows skipped (issue #13). */
    static final int MAX_LISTING_PAGE = 10_000;

    /** The columns {@link #itemRow} reads, for a WHERE clause to follow. */
    private static final String ITEM_ROWS = """
            select i.id, i.council_id, i.title, i.category, i.project_id, i.provider_participant_id,
                   i.published_at is not null as published, i.latest_version, i.updated_at, v.media_type,
                   i.auto_public_at,
                   array(select di.designation_id from information_designation_item di
                         where di.item_id = i.id) as designations
            from information_item i
            left join information_item_version v on v.item_id = i.id and v.version = i.latest_version
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccessPolicy policy;
    private final FactsStore facts;
    private final Councils councils;
    private final InformationProperties properties;

    ItemQueries(JdbcClient jdbc, Clock clock, AccessPolicy policy, FactsStore facts, Councils councils,
                InformationProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
        this.facts = facts;
        this.councils = councils;
        this.properties = properties;
    }

    /**
     * ONE query returns only what the viewer may see (R12, R15): the council's items minus those covered by a
     * designation in force whose scope leaves out the viewer's participant, newest first, one page; then the
     * policy's pure rules check every row again.
     */
    List<ItemSummary> items(CouncilId council, BansoUser viewer, int page) {
        if (page < 0 || page > MAX_LISTING_PAGE) {
            throw BansoException.invalid("page", "must be between 0 and " + MAX_LISTING_PAGE);
        }
        Instant now = clock.instant();
        AccessDecision decision = policy.decideListing(viewer, council, now);
        if (!decision.permitted()) {
            throw ItemService.denial(decision, "The council");
        }
        CouncilMembership me = policy.membership(viewer, council);
        int size = properties.listingPageSize();
        List<ItemRow> rows = jdbc.sql(ITEM_ROWS + """
                        where i.council_id = :council
                          and not exists (
                              select 1 from information_designation_item di
                              join information_designation d on d.id = di.designation_id
                              where di.item_id = i.id and d.period_start <= :now and d.period_end > :now
                                and not exists (select 1 from information_designation_scope s
                                                where s.designation_id = d.id and s.participant_id = :participant))
                        order by i.updated_at desc, i.id desc
                        limit :limit offset :offset""")
                .param("council", council.value()).param("now", ts(now))
                .param("participant", me.participant().value())
                // long: page 2147483647 × 200 must not overflow into a negative offset
                .param("limit", size).param("offset", (long) Math.max(0, page) * size)
                .query((rs, n) -> itemRow(rs)).list();
        return summaries(rows, viewer, now);
    }

    List<ItemSummary> summaries(List<ItemRow> rows, BansoUser viewer, Instant now) {
        Set<DesignationId> all = new LinkedHashSet<>();
        rows.forEach(row -> all.addAll(row.facts().designations()));
        Map<DesignationId, DesignationFacts> byId = new HashMap<>();
        facts.designations(all).forEach(d -> byId.put(d.id(), d));
        List<ItemSummary> result = new ArrayList<>(rows.size());
        for (ItemRow row : rows) {
            List<DesignationFacts> covering = row.facts().designations().stream().map(byId::get)
                    .filter(Objects::nonNull).toList();
            MarkingState marking = MarkingRules.marking(row.facts(), covering, now);
            if (policy.permits(viewer, InformationAction.LIST, row.facts(), covering, marking, now)) {
                result.add(new ItemSummary(row.facts().id(), row.facts().council(), row.title(),
                        row.facts().category(), marking.marking(), marking.designation(), marking.controlledUntil(),
                        row.facts().latestVersion(), row.updatedAt()));
            }
        }
        return result;
    }

    List<Notice> notices(BansoUser viewer) {
        if (viewer == null) {
            return List.of();
        }
        Instant now = clock.instant();
        // the councils whose information the viewer may read now, each decision logged like any listing
        UUID[] readable = councils.councils(viewer).stream().map(CouncilViews.CouncilSummary::id)
                .filter(c -> policy.decideListing(viewer, c, now).permitted())
                .map(CouncilId::value).toArray(UUID[]::new);
        if (readable.length == 0) {
            return List.of();
        }
        record NoticeRow(UUID id, CouncilId council, String kind, DesignationId designation, Marking after,
                         Instant at, List<UUID> items) {
        }
        List<NoticeRow> rows = jdbc.sql("""
                        select n.id, n.council_id, n.kind, n.designation_id, coalesce(n.after_period, 'PUBLIC'),
                               n.created_at,
                               array(select ni.item_id from information_notice_item ni where ni.notice_id = n.id
                                     order by ni.item_id) as items
                        from information_notice n where n.council_id = any(?)
                        order by n.created_at desc, n.id limit 50""")
                .param(readable)
                .query((rs, n) -> new NoticeRow(rs.getObject(1, UUID.class), new CouncilId(rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getObject(4, UUID.class) == null ? null
                                : new DesignationId(rs.getObject(4, UUID.class)),
                        Marking.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(),
                        List.of((UUID[]) rs.getArray(7).getArray())))
                .list();
        List<UUID> mentioned = rows.stream().flatMap(r -> r.items().stream()).distinct().toList();
        Map<UUID, ItemSummary> visible = new HashMap<>();
        if (!mentioned.isEmpty()) {
            List<ItemRow> items = jdbc.sql(ITEM_ROWS + " where i.id = any(?)")
                    .param(mentioned.toArray(UUID[]::new)).query((rs, n) -> itemRow(rs)).list();
            summaries(items, viewer, now).forEach(summary -> visible.put(summary.id().value(), summary));
        }
        List<Notice> notices = new ArrayList<>();
        for (NoticeRow row : rows) {
            List<ItemSummary> named = row.items().stream().map(visible::get).filter(Objects::nonNull)
                    .toList();
            if (!named.isEmpty()) {
                notices.add(new Notice(row.id(), row.council(), row.kind(), row.designation(), row.after(), row.at(),
                        named));
            }
        }
        return notices;
    }

    /**
     * Published research results (by a person or by default, R16), the public library and released items: only what
     * is PUBLIC now.
     */
    List<ItemSummary> publicResults() {
        Instant now = clock.instant();
        List<ItemRow> rows = jdbc.sql(ITEM_ROWS + """
                        where i.published_at is not null or i.council_id is null or i.auto_public_at <= :now
                           or exists (select 1 from information_designation_item di
                                      join information_designation d on d.id = di.designation_id
                                      where di.item_id = i.id and d.after_period = 'PUBLIC' and d.period_end <= :now)
                        order by i.updated_at desc, i.id desc
                        limit :limit""")
                .param("now", ts(now)).param("limit", properties.listingPageSize())
                .query((rs, n) -> itemRow(rs)).list();
        policy.publish(null, null, null, InformationAction.LIST, AccessDecision.permit("public"), now);
        return summaries(rows, null, now).stream().filter(s -> s.marking() == Marking.PUBLIC).toList();
    }

    private static ItemRow itemRow(ResultSet rs) throws SQLException {
        return new ItemRow(FactsStore.itemFacts(rs), rs.getString("title"), rs.getTimestamp("updated_at").toInstant());
    }

    private record ItemRow(ItemFacts facts, String title, Instant updatedAt) {
    }
}
