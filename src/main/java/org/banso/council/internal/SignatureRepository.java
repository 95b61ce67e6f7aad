package org.banso.council.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.identity.UserId;
import org.springframework.data.repository.Repository;

/** Signatures change only under the pledge's lock ({@link PledgeRepository#findLockedById}). */
interface SignatureRepository extends Repository<Signature, UUID> {

    Signature save(Signature signature);

    List<Signature> findByCouncilIdOrderBySignedAt(CouncilId council);

    /** The person's signatures that still give access (at most one per version). */
    List<Signature> findByCouncilIdAndUserIdAndEndedAtIsNull(CouncilId council, UserId user);

    List<Signature> findByCouncilIdAndUserIdInAndEndedAtIsNull(CouncilId council, Collection<UserId> users);
}
