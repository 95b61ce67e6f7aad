package org.banso.council;

/** LAPSED is derived when the response deadline has passed while the proposal was open: silence is never consent. */
public enum ProposalStatus {
    OPEN,
    ADOPTED,
    WITHDRAWN,
    LAPSED
}
