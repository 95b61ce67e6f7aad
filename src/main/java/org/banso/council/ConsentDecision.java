package org.banso.council;

import java.util.Optional;

/** A required researcher's answer to a proposed council (R5): the latest one counts, every one is kept. */
public enum ConsentDecision {
    CONSENT,
    DECLINE;

    /** The decision a form or request names, empty for anything else (refused as a field error by the caller). */
    public static Optional<ConsentDecision> named(String name) {
        return Enums.named(ConsentDecision.class, name);
    }
}
