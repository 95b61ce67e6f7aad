package org.banso.council.internal;

import java.util.Optional;

import org.banso.council.CouncilId;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

interface CouncilRepository extends Repository<Council, CouncilId> {

    Council save(Council council);

    Optional<Council> findById(CouncilId id);

    /** Locks the council's row for the rest of the transaction: changes to a council and its participants queue. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Council> findLockedById(CouncilId id);
}
