package org.banso.council.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.identity.UserId;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The membership-and-pledge query's cache (R12): served from memory, forgotten at once on a change, never holding
 * state another transaction has not committed, and never left stale by a change that was rolled back.
 */
@BansoIntegrationTest
class MembershipCacheTest {

    @Autowired
    MembershipCache cache;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    CouncilId council;
    UserId representative;
    UUID participant;

    @BeforeEach
    void council() {
        council = new CouncilId(UUID.randomUUID());
        representative = new UserId(UUID.randomUUID());
        participant = UUID.randomUUID();
        jdbc.sql("""
                insert into council_council (id, name, competent_ministry_id, status, proposed_by, proposed_at,
                                             established_at) values (?, ?, ?, 'ESTABLISHED', ?, now(), now())""")
                .params(council.value(), "cache " + council, UUID.randomUUID(), representative.value()).update();
        jdbc.sql("""
                insert into council_pledge_text (council_id, version, text_ja, text_en, created_by, created_at)
                values (?, 1, '誓約', 'pledge', ?, now())""").params(council.value(), representative.value()).update();
        jdbc.sql("""
                insert into council_participant (id, council_id, organization_id, role, representative_id, joined_at,
                                                 joined_by) values (?, ?, ?, 'COMPETENT_MINISTRY', ?, now(), ?)""")
                .params(participant, council.value(), UUID.randomUUID(), representative.value(),
                        representative.value()).update();
        addMember(representative);
    }

    @Test
    void r12_aSignatureCountsOnlyAfterTheCacheForgetsTheCouncil() {
        // R12: the cache answers until told; every change in the service tells it
        assertThat(cache.membership(council, representative)).get()
                .satisfies(m -> assertThat(m.pledgeSigned()).isFalse());
        sign(representative);
        assertThat(cache.membership(council, representative).orElseThrow().pledgeSigned())
                .as("still the cached answer").isFalse();
        cache.invalidate(council);
        assertThat(cache.membership(council, representative).orElseThrow().pledgeSigned()).isTrue();
    }

    @Test
    void r12_uncommittedMembershipIsNeverCachedForOthersAndARollbackLeavesNothingStale() throws Exception {
        // R12
        UserId newcomer = new UserId(UUID.randomUUID());
        assertThat(cache.membership(council, newcomer)).isEmpty();
        transaction.executeWithoutResult(status -> {
            addMember(newcomer);
            cache.invalidate(council);
            assertThat(cache.membership(council, newcomer)).as("the changing transaction sees its change")
                    .isPresent();
            Optional<CouncilMembership> seenByOthers = CompletableFuture
                    .supplyAsync(() -> cache.membership(council, newcomer)).join();
            assertThat(seenByOthers).as("another thread does not see uncommitted membership").isEmpty();
            status.setRollbackOnly();
        });
        assertThat(cache.membership(council, newcomer)).as("after the rollback").isEmpty();

        transaction.executeWithoutResult(status -> {
            addMember(newcomer);
            cache.invalidate(council);
            // another thread loads (and caches) the committed state while the change is in flight
            assertThat(CompletableFuture.supplyAsync(() -> cache.membership(council, newcomer)).join()).isEmpty();
        });
        assertThat(cache.membership(council, newcomer)).as("the commit invalidated the entry again").isPresent();
    }

    private void addMember(UserId user) {
        jdbc.sql("insert into council_participant_member (participant_id, user_id, added_at) values (?, ?, now())")
                .params(participant, user.value()).update();
    }

    private void sign(UserId user) {
        jdbc.sql("""
                insert into council_pledge_signature (id, council_id, user_id, version, language, text_sha256,
                                                      signed_at) values (?, ?, ?, 1, 'ja', sha256('x'::bytea), now())""")
                .params(UUID.randomUUID(), council.value(), user.value()).update();
    }
}
