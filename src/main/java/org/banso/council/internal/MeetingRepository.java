package org.banso.council.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.MeetingId;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

interface MeetingRepository extends Repository<Meeting, MeetingId> {

    Meeting save(Meeting meeting);

    Optional<Meeting> findById(MeetingId id);

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Meeting> findLockedById(MeetingId id);

    List<Meeting> findByCouncilIdOrderByStartsAt(CouncilId council);

    @Query("select id from council_meeting where council_id = :council order by id")
    List<UUID> idsOf(CouncilId council);
}
