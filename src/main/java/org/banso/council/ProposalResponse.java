package org.banso.council;

import java.util.Optional;

/** A participant's answer to a revision of a proposal (R14): one objection blocks, silence is never consent. */
public enum ProposalResponse {
    CONSENT,
    OBJECT;

    /** The response a form or request names, empty for anything else (refused as a field error by the caller). */
    public static Optional<ProposalResponse> named(String name) {
        return Enums.named(ProposalResponse.class, name);
    }
}
