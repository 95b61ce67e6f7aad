package org.banso.notification.internal;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.CouncilWorklist;
import org.banso.identity.UserId;
import org.banso.information.InformationEvents;
import org.banso.notification.NotificationKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the council's (and the information module's) past-tense events into notifications for exactly the people
 * concerned, read through the council's {@link CouncilWorklist} after the business transaction committed. Each
 * listener runs in its own transaction under Spring Modulith's JDBC event publication registry: an event whose
 * listener failed or was interrupted by a crash is delivered again at the next start, and the dedupe keys (the
 * event's own identity) make that second delivery change nothing.
 */
@Component
class CouncilNotifications {

    private final CouncilWorklist worklist;
    private final Notifying notifying;
    private final Clock clock;

    CouncilNotifications(CouncilWorklist worklist, Notifying notifying, Clock clock) {
        this.worklist = worklist;
        this.notifying = notifying;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CouncilEvents.CouncilProposed event) {
        for (UserId consenter : worklist.consentersNotAnswered(event.council())) {
            notifying.notify(new Note(NotificationKind.CONSENT_REQUESTED, consenter, event.council(),
                    event.council().value(), councilPath(event.council()), null,
                    key("consent", event.council().value(), consenter), null));
        }
    }

    @ApplicationModuleListener
    void on(CouncilEvents.CouncilEstablished event) {
        for (UserId member : worklist.members(event.council())) {
            notifying.notify(new Note(NotificationKind.COUNCIL_ESTABLISHED, member, event.council(),
                    event.council().value(), councilPath(event.council()), null,
                    key("established", event.council().value(), member), null));
        }
        pledgesToSign(event.council(), event.by(), "established:" + event.council().value());
    }

    @ApplicationModuleListener
    void on(CouncilEvents.ParticipantJoined event) {
        for (UserId member : worklist.membersOf(event.participant())) {
            pledgeToSign(event.council(), member, event.by(), "joined:" + event.participant().value());
        }
    }

    @ApplicationModuleListener
    void on(CouncilEvents.MemberAdded event) {
        pledgeToSign(event.council(), event.member(), event.by(), "member:" + event.participant().value());
    }

    @ApplicationModuleListener
    void on(CouncilEvents.PledgeVersionPublished event) {
        pledgesToSign(event.council(), event.by(), "pledge-v" + event.version() + ":" + event.council().value());
    }

    /** R12: access ended at once; the people of the participant are told (without the council's name any more). */
    @ApplicationModuleListener
    void on(CouncilEvents.ParticipantLeft event) {
        for (UserId member : worklist.membersOf(event.participant())) {
            if (!member.equals(event.by())) {
                notifying.notify(new Note(NotificationKind.PARTICIPATION_ENDED, member, event.council(),
                        event.council().value(), "/councils", null,
                        key("left", event.participant().value(), member), null));
            }
        }
    }

    @ApplicationModuleListener
    void on(CouncilEvents.ProposalSubmitted event) {
        proposalToAnswer(event.proposal().value(), event.council(), 1, event.by());
    }

    @ApplicationModuleListener
    void on(CouncilEvents.ProposalAmended event) {
        proposalToAnswer(event.proposal().value(), event.council(), event.revision(), event.by());
    }

    @ApplicationModuleListener
    void on(CouncilEvents.ProposalAdopted event) {
        proposalDecided(event.council(), event.proposal().value(), "adopted");
    }

    @ApplicationModuleListener
    void on(CouncilEvents.ProposalWithdrawn event) {
        proposalDecided(event.council(), event.proposal().value(), "withdrawn");
    }

    @ApplicationModuleListener
    void on(CouncilEvents.MeetingScheduled event) {
        meeting(event.meeting().value(), NotificationKind.MEETING_SCHEDULED);
    }

    @ApplicationModuleListener
    void on(CouncilEvents.MeetingRescheduled event) {
        meeting(event.meeting().value(), NotificationKind.MEETING_CHANGED);
    }

    @ApplicationModuleListener
    void on(CouncilEvents.MeetingCancelled event) {
        meeting(event.meeting().value(), NotificationKind.MEETING_CANCELLED);
    }

    @ApplicationModuleListener
    void on(CouncilEvents.TaskAssigned event) {
        worklist.task(event.task()).filter(CouncilWorklist.TaskFacts::open).ifPresent(task -> {
            for (UserId assignee : task.assignees()) {
                notifying.notify(new Note(NotificationKind.TASK_ASSIGNED, assignee, task.councilId(),
                        task.id().value(), followUpPath(task.councilId()), Reminders.endOf(task.dueDate()),
                        key("task", task.id().value(), assignee), null));
            }
        });
    }

    @ApplicationModuleListener
    void on(CouncilEvents.MaterialsRequested event) {
        worklist.materialRequest(event.request()).filter(CouncilWorklist.MaterialRequestFacts::open)
                .ifPresent(request -> {
                    for (UserId addressee : request.addressees()) {
                        notifying.notify(new Note(NotificationKind.MATERIALS_REQUESTED, addressee,
                                request.councilId(), request.id().value(), followUpPath(request.councilId()),
                                Reminders.endOf(request.dueDate()), key("materials", request.id().value(), addressee),
                                null));
                    }
                });
    }

    /** R16: released items may now be seen by more people; the council's members are told. */
    @ApplicationModuleListener
    void on(InformationEvents.DesignationReleased event) {
        for (UserId member : worklist.members(event.council())) {
            notifying.notify(new Note(NotificationKind.DESIGNATION_RELEASED, member, event.council(),
                    event.designation().value(), "/notices", null,
                    key("released", event.designation().value(), member), null));
        }
    }

    private void proposalToAnswer(UUID proposal, CouncilId council, int revision, UserId by) {
        worklist.proposal(new org.banso.council.ProposalId(proposal), clock.instant())
                .filter(p -> p.revision() == revision)
                .ifPresent(p -> {
                    for (UserId representative : p.awaitingRepresentatives()) {
                        if (representative.equals(by)) {
                            continue; // the proposer is on the proposal's page already
                        }
                        notifying.notify(new Note(NotificationKind.PROPOSAL_TO_ANSWER, representative, council,
                                proposal, "/proposals/" + proposal, p.responseDeadline(),
                                key("answer", proposal, representative) + ":r" + revision, null));
                    }
                });
    }

    private void proposalDecided(CouncilId council, UUID proposal, String how) {
        for (UserId member : worklist.members(council)) {
            notifying.notify(new Note(NotificationKind.PROPOSAL_DECIDED, member, council, proposal,
                    "/proposals/" + proposal, null, key(how, proposal, member), null));
        }
    }

    private void meeting(UUID id, NotificationKind kind) {
        worklist.meeting(new org.banso.council.MeetingId(id)).ifPresent(meeting -> {
            for (UserId member : worklist.members(meeting.councilId())) {
                notifying.notify(new Note(kind, member, meeting.councilId(), id, followUpPath(meeting.councilId()),
                        meeting.startsAt(), key("meeting-s" + meeting.sequence(), id, member), meeting));
            }
        });
    }

    private void pledgesToSign(CouncilId council, UserId by, String cause) {
        Set<UserId> unsigned = worklist.unsignedMembers(council);
        for (UserId member : unsigned) {
            pledgeToSign(council, member, by, cause);
        }
    }

    /** The person who acted (joined, accepted, published) is on the page already and is not told again. */
    private void pledgeToSign(CouncilId council, UserId member, UserId by, String cause) {
        if (member.equals(by)) {
            return;
        }
        notifying.notify(new Note(NotificationKind.PLEDGE_TO_SIGN, member, council, council.value(),
                councilPath(council) + "#pledge", null, "pledge:" + cause + ":" + member.value(), null));
    }

    static String councilPath(CouncilId council) {
        return "/councils/" + council.value();
    }

    static String followUpPath(CouncilId council) {
        return "/councils/" + council.value() + "/follow-up";
    }

    static String key(String what, UUID subject, UserId recipient) {
        return what + ":" + subject + ":" + recipient.value();
    }
}
