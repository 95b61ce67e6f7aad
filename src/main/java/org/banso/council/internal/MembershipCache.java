package org.banso.council.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.identity.UserId;
import org.banso.shared.ClusterCaches;
import org.banso.shared.ClusterCaches.ClusterCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The memberships of each council (every current member, their participant, whether they signed the current pledge
 * version), loaded in one query and kept in a cluster cache per council: a change (a pledge revoked, a member gone)
 * is forgotten on every node before its next request answers from it (R12, issue #19). Inside a transaction that
 * changed a council, lookups bypass the cache so that uncommitted state is never cached for others.
 */
@Component
class MembershipCache implements CouncilMemberships {

    private final JdbcClient jdbc;
    private final ClusterCache<CouncilId, Map<UserId, CouncilMembership>> cache;

    MembershipCache(JdbcClient jdbc, CouncilProperties properties, ClusterCaches caches) {
        this.jdbc = jdbc;
        this.cache = caches.create("council-memberships", properties.membershipCacheSize(),
                properties.membershipCacheTtl(), council -> council.value().toString());
    }

    @Override
    public Optional<CouncilMembership> membership(CouncilId council, UserId user) {
        Map<UserId, CouncilMembership> members = cache.get(council, this::load);
        return Optional.ofNullable(members.get(user));
    }

    @Override
    public Set<ParticipantId> currentParticipants(CouncilId council) {
        return Set.copyOf(jdbc.sql("select id from council_participant where council_id = ? and left_at is null")
                .param(council.value()).query((rs, n) -> new ParticipantId(rs.getObject("id", UUID.class))).list());
    }

    /** The council's people change in the current transaction: forgotten on every node. */
    void invalidate(CouncilId council) {
        cache.changed(council);
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
