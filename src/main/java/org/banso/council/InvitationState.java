package org.banso.council;

/**
 * Where an invitation stands (R13). Only an OPEN one can be used. A USED or USED_UP one answers like an unknown token:
 * once used, a link reveals nothing.
 */
public enum InvitationState {
    OPEN,
    /** accepted: someone joined through it */
    ACCEPTED,
    /** too many refused registration attempts: it can no longer probe usernames and corporate numbers */
    USED_UP,
    REVOKED,
    EXPIRED;

    /** Accepted or used up: the link now answers like one that never existed. */
    public boolean isUsed() {
        return this == ACCEPTED || this == USED_UP;
    }
}
