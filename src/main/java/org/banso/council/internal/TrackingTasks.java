package org.banso.council.internal;

import java.time.Clock;
import java.util.List;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilViews.TaskView;
import org.banso.council.ProposalStatus;
import org.banso.council.TaskId;
import org.banso.council.TaskKind;
import org.banso.council.Tasks;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The use cases of follow-up (R9): assigning action items and support requests, tracking them to done. */
@Service
class TrackingTasks implements Tasks {

    private final TaskRepository tasks;
    private final ProposalRepository proposals;
    private final ParticipantRepository participants;
    private final CouncilAccess access;
    private final CouncilReadModels views;
    private final Clock clock;

    TrackingTasks(TaskRepository tasks, ProposalRepository proposals, ParticipantRepository participants,
                  CouncilAccess access, CouncilReadModels views, Clock clock) {
        this.tasks = tasks;
        this.proposals = proposals;
        this.participants = participants;
        this.access = access;
        this.views = views;
        this.clock = clock;
    }

    @Override
    @Transactional
    public TaskView create(CouncilId id, NewTask request, BansoUser actor) {
        Council council = access.visible(id, actor);
        access.pledged(council, actor);
        access.competent(council, actor);
        council.requireEstablished();
        if (request == null) {
            throw BansoException.invalid("kind",
                    "must be ACTION_ITEM, REGULATORY_RELAXATION or INTERNATIONAL_STANDARDIZATION");
        }
        FieldChecks checks = new FieldChecks();
        TaskKind kind = request.kind();
        if (kind == null) {
            checks.add(FieldError.coded("kind", "one-of",
                    "must be ACTION_ITEM, REGULATORY_RELAXATION or INTERNATIONAL_STANDARDIZATION"));
        }
        checks.text("title", request.title(), 300).optionalText("description",
                HoldingMeetings.blankToNull(request.description()), 5000);
        if (request.dueDate() == null) {
            checks.add(FieldError.coded("dueDate", "required", "must not be empty"));
        }
        if (kind == TaskKind.ACTION_ITEM) {
            if (request.proposalId() == null
                    || !proposals.existsByIdAndCouncilIdAndStatus(request.proposalId(), id, ProposalStatus.ADOPTED)) {
                checks.add(FieldError.coded("proposalId", "task-proposal",
                        "an action item follows an adopted proposal of this council (R9)"));
            }
            if (request.assigneeParticipantId() == null || participants.findById(request.assigneeParticipantId())
                    .filter(p -> p.councilId().equals(id) && !p.hasLeft()).isEmpty()) {
                checks.add(FieldError.coded("assigneeParticipantId", "participant", "must be a current participant"));
            }
        } else if (kind != null) {
            if (request.responsibleMinistryId() == null || participants
                    .findByCouncilIdAndOrganizationIdAndLeftAtIsNull(id, request.responsibleMinistryId())
                    .filter(p -> p.role().isMinistry()).isEmpty()) {
                checks.add(FieldError.coded("responsibleMinistryId", "task-ministry",
                        "must be a ministry taking part in the council"));
            }
        }
        checks.failIfAny();
        String title = request.title().strip();
        String description = HoldingMeetings.blankToNull(request.description());
        Task task = kind == TaskKind.ACTION_ITEM
                ? Task.actionItem(id, request.proposalId(), request.assigneeParticipantId(), title, description,
                        request.dueDate(), actor.id(), clock.instant())
                : Task.supportRequest(id, kind, request.responsibleMinistryId(), title, description,
                        request.dueDate(), actor.id(), clock.instant());
        return views.task(tasks.save(task));
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskView> tasks(CouncilId id, BansoUser viewer) {
        access.pledged(access.visible(id, viewer), viewer);
        return tasks.findByCouncilIdOrderByStatusDescDueDateAscCreatedAtAsc(id).stream().map(views::task).toList();
    }

    @Override
    @Transactional
    public TaskView complete(TaskId id, BansoUser actor) {
        Task task = tasks.findLockedById(id).orElseThrow(() -> BansoException.notFound("The task"));
        Council council = access.visible(task.councilId(), actor, "The task");
        CouncilMembership me = access.pledged(council, actor);
        task.complete(me, actor.organizationId(), actor.id(), clock.instant());
        return views.task(tasks.save(task));
    }
}
