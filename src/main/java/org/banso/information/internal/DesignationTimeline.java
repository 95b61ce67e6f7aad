package org.banso.information.internal;

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
 * Which designations are in force, ended to PUBLIC and ended to COUNCIL at an instant — the same for every person, so
 * computed once and kept until the next instant at which any designation starts or ends, or until a designation is
 * applied (then forgotten at once and again when that transaction completes, so an uncommitted state never outlives
 * its transaction). Every search needs these sets; reading all designations per search cost ~40 ms at 50,000.
 * In-process, like the membership cache: one application instance per database.
 */
@Component
class DesignationTimeline {

    record States(Set<DesignationId> active, Set<DesignationId> releasedPublic, Set<DesignationId> releasedCouncil) {
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
        States states = new States(Set.copyOf(active), Set.copyOf(releasedPublic), Set.copyOf(releasedCouncil));
        entry = new Entry(current, at, next[0], states);
        return states;
    }

    /** A designation was applied: forget now, and again after the transaction (commit or rollback). */
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
