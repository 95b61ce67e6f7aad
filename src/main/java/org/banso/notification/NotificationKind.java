package org.banso.notification;

import java.util.Optional;

/**
 * What a notification is about. Kinds that ask the person for an answer or an action cannot be switched off by e-mail,
 * only to the weekly digest; every kind is always shown in the app.
 */
public enum NotificationKind {
    /** R5: a council asks the required researcher's consent. */
    CONSENT_REQUESTED(true),
    /** R14: a proposal (or a new revision) awaits the answer of the participant the person represents. */
    PROPOSAL_TO_ANSWER(true),
    /** R14: the response deadline of a proposal not answered yet is near. */
    PROPOSAL_REMINDER(true),
    /** R14: a proposal was adopted or withdrawn (an adoption may change what the person may see). */
    PROPOSAL_DECIDED(false),
    /** R12: a pledge to sign, or to sign again (a new version). */
    PLEDGE_TO_SIGN(true),
    /** R5: the council was established. */
    COUNCIL_ESTABLISHED(false),
    /** R12: the person's participant left or was removed: their access ended. */
    PARTICIPATION_ENDED(false),
    /** R11: materials requested from the person's participant. */
    MATERIALS_REQUESTED(true),
    /** R11: a material request is past its due date. */
    MATERIAL_REQUEST_OVERDUE(true),
    /** R9: an action item or support request assigned to the person's participant or ministry. */
    TASK_ASSIGNED(true),
    /** R9: an action item or support request is past its due date. */
    TASK_OVERDUE(true),
    /** R18: a commissioned deliverable is past its due date. */
    DELIVERABLE_OVERDUE(true),
    MEETING_SCHEDULED(false),
    MEETING_CHANGED(false),
    MEETING_CANCELLED(false),
    /** R16: a designation's period ended and its items were released. */
    DESIGNATION_RELEASED(false),
    /** R13: a named invitation to take part in a council (e-mailed to the invitee, who may have no account). */
    INVITATION(true);

    private final boolean asksForAnswer;

    NotificationKind(boolean asksForAnswer) {
        this.asksForAnswer = asksForAnswer;
    }

    /** Such kinds can be switched to the digest, never off. */
    public boolean asksForAnswer() {
        return asksForAnswer;
    }

    public static Optional<NotificationKind> named(String name) {
        for (NotificationKind kind : values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
