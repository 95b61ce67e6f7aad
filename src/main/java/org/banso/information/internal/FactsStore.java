package org.banso.information.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.ParticipantId;
import org.banso.council.ProposalId;
import org.banso.information.DesignationId;
import org.banso.information.Handling;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.banso.information.Marking;
import org.banso.information.internal.AccessFacts.DesignationFacts;
import org.banso.information.internal.AccessFacts.ItemFacts;
import org.banso.shared.ClusterCaches;
import org.banso.shared.ClusterCaches.ClusterCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the access facts of items and designations, each in one query, and keeps them in cluster caches: a change is
 * forgotten on every node before its next request answers from it (issue #19); a transaction that changed an item or a
 * designation bypasses the cache for it, so uncommitted state is never cached for others. A designation changes only
 * when a proposal ends or narrows it early (R16).
 */
@Component
class FactsStore {

    private final JdbcClient jdbc;
    private final ClusterCache<ItemId, ItemFacts> items;
    private final ClusterCache<DesignationId, DesignationFacts> designations;

    FactsStore(JdbcClient jdbc, InformationProperties properties, ClusterCaches caches) {
        this.jdbc = jdbc;
        this.items = caches.create("information-items", properties.itemCacheSize(), Duration.ofHours(1),
                item -> item.value().toString());
        this.designations = caches.create("information-designation-facts", 200_000, Duration.ofHours(1),
                designation -> designation.value().toString());
    }

    Optional<ItemFacts> item(ItemId id) {
        return Optional.ofNullable(items.get(id, key -> loadItem(key).orElse(null)));
    }

    List<DesignationFacts> designationsOf(ItemFacts item) {
        return designations(item.designations());
    }

    List<DesignationFacts> designations(Collection<DesignationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // one query per designation not kept: an item is covered by few, and they are kept once read
        List<DesignationFacts> result = new ArrayList<>(ids.size());
        for (DesignationId id : ids) {
            DesignationFacts facts = designations.get(id, key -> loadDesignations(Set.of(key)).get(key));
            if (facts != null) {
                result.add(facts);
            }
        }
        return result;
    }

    /** The item changes in the current transaction: forgotten on every node. */
    void changed(ItemId item) {
        items.changed(item);
    }

    /** A designation was ended or narrowed early (R16): forgotten on every node. */
    void changed(DesignationId designation) {
        designations.changed(designation);
    }

    /** A designation covered items: forget every item on every node (rare: only adoptions apply designations). */
    void changedAll() {
        items.changedAll();
    }

    private Optional<ItemFacts> loadItem(ItemId id) {
        return jdbc.sql("""
                        select i.id, i.council_id, i.category, i.project_id, i.provider_participant_id,
                               i.published_at is not null as published, i.latest_version, v.media_type,
                               i.auto_public_at,
                               array(select di.designation_id from information_designation_item di
                                     where di.item_id = i.id) as designations
                        from information_item i
                        left join information_item_version v on v.item_id = i.id and v.version = i.latest_version
                        where i.id = ?""")
                .param(id.value()).query((rs, n) -> itemFacts(rs)).optional();
    }

    /** Maps a row with the columns of {@link #loadItem}. */
    static ItemFacts itemFacts(ResultSet rs) throws SQLException {
        UUID council = rs.getObject("council_id", UUID.class);
        UUID project = rs.getObject("project_id", UUID.class);
        UUID provider = rs.getObject("provider_participant_id", UUID.class);
        return new ItemFacts(new ItemId(rs.getObject("id", UUID.class)),
                council == null ? null : new CouncilId(council), ItemCategory.valueOf(rs.getString("category")),
                project, provider == null ? null : new ParticipantId(provider), rs.getBoolean("published"),
                rs.getInt("latest_version"), rs.getString("media_type"), designationIds(rs.getArray("designations")),
                instant(rs.getTimestamp("auto_public_at")));
    }

    static java.time.Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static List<DesignationId> designationIds(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<DesignationId> ids = new ArrayList<>(values.length);
        for (Object value : values) {
            ids.add(new DesignationId((UUID) value));
        }
        return ids;
    }

    private Map<DesignationId, DesignationFacts> loadDesignations(Set<? extends DesignationId> ids) {
        UUID[] keys = ids.stream().map(DesignationId::value).toArray(UUID[]::new);
        Map<DesignationId, Set<ParticipantId>> scopes = new HashMap<>();
        jdbc.sql("select designation_id, participant_id from information_designation_scope where designation_id = any(?)")
                .param(keys).query(rs -> {
                    scopes.computeIfAbsent(new DesignationId(rs.getObject(1, UUID.class)), k -> new HashSet<>())
                            .add(new ParticipantId(rs.getObject(2, UUID.class)));
                });
        Map<DesignationId, DesignationFacts> found = new HashMap<>();
        jdbc.sql("""
                        select id, council_id, proposal_id, handling, after_period, period_start, period_end
                        from information_designation where id = any(?)""")
                .param(keys).query(rs -> {
                    DesignationId id = new DesignationId(rs.getObject("id", UUID.class));
                    found.put(id, new DesignationFacts(id, new CouncilId(rs.getObject("council_id", UUID.class)),
                            new ProposalId(rs.getObject("proposal_id", UUID.class)),
                            Handling.valueOf(rs.getString("handling")), Marking.valueOf(rs.getString("after_period")),
                            rs.getTimestamp("period_start").toInstant(), rs.getTimestamp("period_end").toInstant(),
                            scopes.getOrDefault(id, Set.of())));
                });
        return found;
    }
}
