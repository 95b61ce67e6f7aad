package org.banso.information.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.banso.information.DesignationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which designations are in force, ended to PUBLIC and ended to COUNCIL at an instant, and up to when research results
 * are public by default (R16) — the same for every person, so
 * computed once and kept until the next instant at which any designation starts or ends, or until a designation is
 * applied (then forgotten at once and again when that transaction completes, so an uncommitted state never outlives
 * its transaction). Every search needs these sets; reading all designations per search cost ~40 ms at 50,000.
 * In-process, like the membership cache: one application instance per database.
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

    private record Entry(long version, Instant from, Instant until, States states) {
    }

    private final JdbcClient jdbc;
    private final AtomicLong version = new AtomicLong();
    private volatile Entry entry;

    DesignationTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    States at(Instant at) {
        long current = version.get();
        Entry cached = entry;
        if (cached != null && cached.version() == current && !at.isBefore(cached.from())
                && at.isBefore(cached.until())) {
            return cached.states();
        }
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
                        ("PUBLIC".equals(rs.getString(4)) ? releasedPublic : releasedCouncil).add(id);
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
        entry = new Entry(current, at, next[0], states);
        return states;
    }

    /**
     * A designation was applied or ended early, or a research result's publication by default moved: forget now, and
     * again after the transaction (commit or rollback).
     */
    void changed() {
        version.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    version.incrementAndGet();
                }
            });
        }
    }
}
