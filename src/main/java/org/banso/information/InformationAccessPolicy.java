package org.banso.information;

import java.time.Instant;

import org.banso.identity.BansoUser;

/**
 * The one access policy for council information (R12, R17). Every path — pages, API, exports, downloads, search,
 * notifications — asks it; no controller or other module decides on its own. ADMIN gets no bypass. Every decision,
 * permit or deny, is published as an {@link InformationEvents.AccessDecided} event for the transparency log.
 */
public interface InformationAccessPolicy {

    /**
     * @param person the signed-in person, or {@code null} for an anonymous caller
     * @param at     the instant the decision is about (normally the injected clock's now)
     */
    AccessDecision decide(BansoUser person, InformationAction action, ItemId item, Instant at);
}
