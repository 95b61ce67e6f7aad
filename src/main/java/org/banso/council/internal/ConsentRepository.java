package org.banso.council.internal;

import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.springframework.data.repository.Repository;

/** Consents are only ever added (R5). */
interface ConsentRepository extends Repository<Consent, UUID> {

    Consent save(Consent consent);

    List<Consent> findByCouncilIdOrderBySeq(CouncilId council);
}
