package org.banso.council.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalId;
import org.banso.council.TaskId;
import org.banso.council.TaskKind;
import org.banso.council.TaskStatus;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An action item assigned to a participant by an adopted decision (R9), or a support request (regulatory
 * relaxation, international standardization) assigned to a responsible ministry; tracked to done.
 */
@Table("council_task")
class Task extends Aggregate<Task, TaskId> {

    @Id
    private final TaskId id;
    private final CouncilId councilId;
    private final TaskKind kind;
    private final ProposalId proposalId;
    private final ParticipantId assigneeParticipantId;
    private final OrganizationId responsibleMinistryId;
    private final String title;
    private final String description;
    private final LocalDate dueDate;
    private TaskStatus status;
    private final UserId createdBy;
    private final Instant createdAt;
    private Instant doneAt;
    private UserId doneBy;

    @PersistenceCreator
    Task(TaskId id, CouncilId councilId, TaskKind kind, ProposalId proposalId, ParticipantId assigneeParticipantId,
         OrganizationId responsibleMinistryId, String title, String description, LocalDate dueDate,
         TaskStatus status, UserId createdBy, Instant createdAt, Instant doneAt, UserId doneBy) {
        this.id = id;
        this.councilId = councilId;
        this.kind = kind;
        this.proposalId = proposalId;
        this.assigneeParticipantId = assigneeParticipantId;
        this.responsibleMinistryId = responsibleMinistryId;
        this.title = title;
        this.description = description;
        this.dueDate = dueDate;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.doneAt = doneAt;
        this.doneBy = doneBy;
    }

    /** R9: follows an adopted proposal and is assigned to a current participant (checked by the caller). */
    static Task actionItem(CouncilId council, ProposalId proposal, ParticipantId assignee, String title,
                           String description, LocalDate dueDate, UserId by, Instant now) {
        return assigned(new Task(TaskId.random(), council, TaskKind.ACTION_ITEM, proposal, assignee, null, title,
                description, dueDate, TaskStatus.OPEN, by, now, null, null));
    }

    /** A support request assigned to a ministry taking part in the council (checked by the caller). */
    static Task supportRequest(CouncilId council, TaskKind kind, OrganizationId ministry, String title,
                               String description, LocalDate dueDate, UserId by, Instant now) {
        if (kind == TaskKind.ACTION_ITEM) {
            throw new IllegalArgumentException("an action item follows a proposal");
        }
        return assigned(new Task(TaskId.random(), council, kind, null, null, ministry, title, description, dueDate,
                TaskStatus.OPEN, by, now, null, null));
    }

    private static Task assigned(Task task) {
        task.registerEvent(new CouncilEvents.TaskAssigned(task.councilId, task.id, task.kind, task.createdBy,
                task.createdAt));
        return task.markNew();
    }

    /** R9: done by a member of the assignee or of the responsible ministry, or by the competent ministry; once. */
    void complete(CouncilMembership actor, OrganizationId actorOrganization, UserId by, Instant now) {
        boolean assignee = actor.participant().equals(assigneeParticipantId);
        boolean responsible = responsibleMinistryId != null && responsibleMinistryId.equals(actorOrganization);
        if (!assignee && !responsible && actor.role() != ParticipantRole.COMPETENT_MINISTRY) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only the assignee or the competent ministry completes it.");
        }
        if (status == TaskStatus.DONE) {
            throw new BansoException(ProblemCode.CONFLICT, "The task is already done.");
        }
        status = TaskStatus.DONE;
        doneAt = now;
        doneBy = by;
        registerEvent(new CouncilEvents.TaskCompleted(councilId, id, by, now));
    }

    /** Open past its due date (a calendar day in Japan). */
    boolean isOverdue(LocalDate today) {
        return status == TaskStatus.OPEN && dueDate.isBefore(today);
    }

    @Override
    public TaskId getId() {
        return id;
    }

    TaskId id() {
        return id;
    }

    CouncilId councilId() {
        return councilId;
    }

    TaskKind kind() {
        return kind;
    }

    ProposalId proposalId() {
        return proposalId;
    }

    ParticipantId assigneeParticipantId() {
        return assigneeParticipantId;
    }

    OrganizationId responsibleMinistryId() {
        return responsibleMinistryId;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    TaskStatus status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant doneAt() {
        return doneAt;
    }
}
