package org.banso.council;

/** The part an organization plays in a council (R6). */
public enum ParticipantRole {
    COMPETENT_MINISTRY,
    NEEDS_MINISTRY,
    RELATED_MINISTRY,
    FUNDING_AGENCY,
    RESEARCHER,
    COMPANY,
    STARTUP,
    UNIVERSITY,
    THINK_TANK
}
