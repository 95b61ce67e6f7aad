package org.banso.council.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The memberships of each council (every current member, their participant, whether they signed the current pledge
 * version), loaded in one query and kept in a Caffeine cache per council. A change invalidates its council twice: at
 * once, and again when its transaction completes (commit or rollback), so that a concurrent reader that loaded the
 * old state in between cannot leave it behind. Inside a transaction that changed a council, lookups bypass the cache
 * so that uncommitted state is never cached for others.
 */
@Component
class MembershipCache implements CouncilMemberships {

    private static final Object DIRTY_KEY = new Object();

    private final JdbcClient jdbc;
    private final Cache<CouncilId, Map<UserId, CouncilMembership>> cache;

    MembershipCache(JdbcClient jdbc, CouncilProperties properties) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder().maximumSize(properties.membershipCacheSize())
                .expireAfterWrite(properties.membershipCacheTtl()).build();
    }

    @Override
    public Optional<CouncilMembership> membership(CouncilId council, UserId user) {
        Map<UserId, CouncilMembership> members = dirtyInThisTransaction(council) ? load(council)
                : cache.get(council, this::load);
        return Optional.ofNullable(members.get(user));
    }

    @Override
    public Set<ParticipantId> currentParticipants(CouncilId council) {
        return Set.copyOf(jdbc.sql("select id from council_participant where council_id = ? and left_at is null")
                .param(council.value()).query((rs, n) -> new ParticipantId(rs.getObject("id", UUID.class))).list());
    }

    /** Forgets the council now and again after the current transaction, if any, completes. */
    void invalidate(CouncilId council) {
        cache.invalidate(council);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            @SuppressWarnings("unchecked")
            Set<CouncilId> dirty = (Set<CouncilId>) TransactionSynchronizationManager.getResource(DIRTY_KEY);
            if (dirty == null) {
                Set<CouncilId> fresh = new HashSet<>();
                TransactionSynchronizationManager.bindResource(DIRTY_KEY, fresh);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(DIRTY_KEY);
                        fresh.forEach(cache::invalidate);
                    }
                });
                dirty = fresh;
            }
            dirty.add(council);
        }
    }

    void invalidateAll() {
        cache.invalidateAll();
    }

    private static boolean dirtyInThisTransaction(CouncilId council) {
        Object dirty = TransactionSynchronizationManager.getResource(DIRTY_KEY);
        return dirty instanceof Set<?> set && set.contains(council);
    }

    private Map<UserId, CouncilMembership> load(CouncilId council) {
        Map<UserId, CouncilMembership> members = new HashMap<>();
        jdbc.sql("""
                        select p.id, p.role, p.representative_id, m.user_id,
                               exists (select 1 from council_pledge_signature s
                                       where s.council_id = c.id and s.user_id = m.user_id
                                         and s.version = c.pledge_version and s.ended_at is null) as signed
                        from council_council c
                        join council_participant p on p.council_id = c.id and p.left_at is null
                        join council_participant_member m on m.participant_id = p.id
                        where c.id = ?""")
                .param(council.value())
                .query(rs -> {
                    UserId user = new UserId(rs.getObject("user_id", UUID.class));
                    members.putIfAbsent(user, new CouncilMembership(council,
                            new ParticipantId(rs.getObject("id", UUID.class)),
                            ParticipantRole.valueOf(rs.getString("role")),
                            user.value().equals(rs.getObject("representative_id", UUID.class)),
                            rs.getBoolean("signed")));
                });
        return Map.copyOf(members);
    }
}
