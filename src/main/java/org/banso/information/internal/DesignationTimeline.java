package org.banso.information.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.banso.information.DesignationId;
import org.banso.information.Marking;
import org.banso.shared.ClusterCaches;
import org.banso.shared.ClusterCaches.ClusterCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which designations are in force, ended to PUBLIC and ended to COUNCIL at an instant, and up to when research results
 * are public by default (R16) — the same for every person, so
 * computed once and kept until the next instant at which any designation starts or ends, or until a designation is
 * applied (a cluster cache: forgotten on every node before its next request answers from it, issue #19; a transaction
 * that applied one reads afresh). Every search needs these sets; reading all designations per search cost ~40 ms at
 * 50,000.
 */
@Component
class DesignationTimeline {

    /**
     * @param publicByDefaultUpTo the latest instant at or before the entry's instant at which a research result
     *                            became public by default (R16), or null when none has: every item whose
     *                            {@code auto_public_at} is at or before it is public by default, the same for every
     *                            instant until the entry's end
     */
    record States(Set<DesignationId> active, Set<DesignationId> releasedPublic, Set<DesignationId> releasedCouncil,
                  Instant publicByDefaultUpTo) {
    }

    private record Entry(Instant from, Instant until, States states) {

        boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(until);
        }
    }

    /** The one key of the cache: the timeline is one value. */
    private static final String TIMELINE = "timeline";

    private final JdbcClient jdbc;
    private final ClusterCache<String, Entry> cache;

    DesignationTimeline(JdbcClient jdbc, ClusterCaches caches) {
        this.jdbc = jdbc;
        this.cache = caches.create("information-designations", 1, Duration.ofHours(1), key -> key);
    }

    States at(Instant at) {
        Entry cached = cache.get(TIMELINE, key -> load(at));
        if (cached.covers(at)) {
            return cached.states();
        }
        if (!at.isBefore(cached.until())) {
            // time has passed a start or end: the kept sets are over (on this node as on every other)
            cache.forgetHere(TIMELINE);
            cached = cache.get(TIMELINE, key -> load(at));
            if (cached.covers(at)) {
                return cached.states();
            }
        }
        // an instant before the kept one: computed for this call only
        return load(at).states();
    }

    private Entry load(Instant at) {
        Set<DesignationId> active = new HashSet<>();
        Set<DesignationId> releasedPublic = new HashSet<>();
        Set<DesignationId> releasedCouncil = new HashSet<>();
        Instant[] next = {Instant.MAX};
        jdbc.sql("select id, period_start, period_end, after_period from information_designation")
                .query(rs -> {
                    DesignationId id = new DesignationId(rs.getObject(1, UUID.class));
                    Instant start = rs.getTimestamp(2).toInstant();
                    Instant end = rs.getTimestamp(3).toInstant();
                    if (!start.isAfter(at) && at.isBefore(end)) {
                        active.add(id);
                    } else if (!end.isAfter(at)) {
                        (Marking.valueOf(rs.getString(4)) == Marking.PUBLIC ? releasedPublic : releasedCouncil).add(id);
                    }
                    if (start.isAfter(at) && start.isBefore(next[0])) {
                        next[0] = start;
                    }
                    if (end.isAfter(at) && end.isBefore(next[0])) {
                        next[0] = end;
                    }
                });
        Instant[] upTo = {null};
        jdbc.sql("""
                        select max(auto_public_at) filter (where auto_public_at <= ?),
                               min(auto_public_at) filter (where auto_public_at > ?)
                        from information_item where auto_public_at is not null""")
                .params(Timestamp.from(at), Timestamp.from(at)).query(rs -> {
                    upTo[0] = FactsStore.instant(rs.getTimestamp(1));
                    Instant following = FactsStore.instant(rs.getTimestamp(2));
                    if (following != null && following.isBefore(next[0])) {
                        next[0] = following;
                    }
                });
        States states = new States(Set.copyOf(active), Set.copyOf(releasedPublic), Set.copyOf(releasedCouncil),
                upTo[0]);
        return new Entry(at, next[0], states);
    }

    /**
     * A designation was applied or ended early, or a research result's publication by default moved: forgotten on every
     * node (a transaction that made the change reads afresh).
     */
    void changed() {
        cache.changed(TIMELINE);
    }
}
