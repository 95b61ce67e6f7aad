package org.banso.council.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.ParticipantId;
import org.banso.identity.OrganizationId;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Participants change only under their council's lock ({@link CouncilRepository#findLockedById}). */
interface ParticipantRepository extends Repository<Participant, ParticipantId> {

    Participant save(Participant participant);

    Optional<Participant> findById(ParticipantId id);

    /** The council's current participants, in the order they joined. */
    List<Participant> findByCouncilIdAndLeftAtIsNullOrderByJoinedAtAscIdAsc(CouncilId council);

    /** The ids of the council's current participants, in the order they joined, without loading their members. */
    @Query("select id from council_participant where council_id = :council and left_at is null order by joined_at, id")
    List<UUID> currentIdsOf(CouncilId council);

    default List<ParticipantId> currentParticipantIds(CouncilId council) {
        return currentIdsOf(council).stream().map(ParticipantId::new).toList();
    }

    Optional<Participant> findByCouncilIdAndOrganizationIdAndLeftAtIsNull(CouncilId council,
                                                                          OrganizationId organization);
}
