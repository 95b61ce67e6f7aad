package org.banso.council.internal;

import java.util.List;
import java.util.Optional;

import org.banso.council.CouncilId;
import org.banso.council.MaterialRequestId;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

interface MaterialRequestRepository extends Repository<MaterialRequest, MaterialRequestId> {

    MaterialRequest save(MaterialRequest request);

    Optional<MaterialRequest> findById(MaterialRequestId id);

    /** Answered once: concurrent answers queue on the request's row. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<MaterialRequest> findLockedById(MaterialRequestId id);

    List<MaterialRequest> findByCouncilIdOrderByDueDateAscRequestedAtAsc(CouncilId council);
}
