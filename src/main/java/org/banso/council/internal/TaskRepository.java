package org.banso.council.internal;

import java.util.List;
import java.util.Optional;

import org.banso.council.CouncilId;
import org.banso.council.TaskId;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

interface TaskRepository extends Repository<Task, TaskId> {

    Task save(Task task);

    Optional<Task> findById(TaskId id);

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Task> findLockedById(TaskId id);

    /** Open ones first (OPEN sorts after DONE), then by due date. */
    List<Task> findByCouncilIdOrderByStatusDescDueDateAscCreatedAtAsc(CouncilId council);
}
