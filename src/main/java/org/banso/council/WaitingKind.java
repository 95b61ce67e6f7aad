package org.banso.council;

/** What waits for a person in a council ({@link CouncilWorklist}): the kind of thing asked of them. */
public enum WaitingKind {
    CONSENT,
    PROPOSAL_ANSWER,
    PLEDGE,
    MATERIAL_REQUEST,
    TASK,
    MEETING
}
