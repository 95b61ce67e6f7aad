package org.banso.council.internal;

import java.util.Optional;

import org.banso.council.CouncilId;
import org.springframework.data.repository.Repository;

/** Pledges change under their council's lock ({@link CouncilRepository#findLockedById}), whose row they share. */
interface PledgeRepository extends Repository<Pledge, CouncilId> {

    Pledge save(Pledge pledge);

    Optional<Pledge> findById(CouncilId council);
}
