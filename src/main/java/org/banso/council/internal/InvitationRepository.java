package org.banso.council.internal;

import java.util.List;
import java.util.Optional;

import org.banso.council.CouncilId;
import org.banso.council.InvitationId;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

interface InvitationRepository extends Repository<Invitation, InvitationId> {

    Invitation save(Invitation invitation);

    /** Only the SHA-256 of a token is stored; a token is looked up by it. */
    @Query("select * from council_invitation where token_hash = :tokenHash")
    Optional<Invitation> findByTokenHash(byte[] tokenHash);

    /** Locks the invitation a token stands for: one use at a time, and refusals counted one by one. */
    @Query("select * from council_invitation where token_hash = :tokenHash for update")
    Optional<Invitation> findLockedByTokenHash(byte[] tokenHash);

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Invitation> findLockedByIdAndCouncilId(InvitationId id, CouncilId council);

    List<Invitation> findByCouncilIdOrderByCreatedAtDesc(CouncilId council);
}
