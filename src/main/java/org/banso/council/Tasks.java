package org.banso.council;

import java.time.LocalDate;
import java.util.List;

import org.banso.council.CouncilViews.TaskView;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;

/**
 * Action items that follow adopted decisions (R9) and support requests assigned to a responsible ministry, tracked
 * to done. Only pledged participants see them (R12).
 */
public interface Tasks {

    TaskView create(CouncilId council, NewTask task, BansoUser actor);

    /** Open ones first, by due date; overdue ones say so. */
    List<TaskView> tasks(CouncilId council, BansoUser viewer);

    /** Done by a member of the assigned participant or responsible ministry, or by the competent ministry. */
    TaskView complete(TaskId id, BansoUser actor);

    /**
     * @param kind ACTION_ITEM needs an adopted {@code proposalId} and an {@code assigneeParticipantId}; a support
     *             request needs a {@code responsibleMinistryId} taking part in the council. Null = not a kind.
     */
    record NewTask(TaskKind kind, ProposalId proposalId, ParticipantId assigneeParticipantId,
                   OrganizationId responsibleMinistryId, String title, String description, LocalDate dueDate) {
    }
}
