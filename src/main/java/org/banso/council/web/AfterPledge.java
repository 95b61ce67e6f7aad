package org.banso.council.web;

import jakarta.servlet.http.HttpSession;
import org.banso.council.CouncilId;

/**
 * Where a person goes once they signed a council's pledge (issue 16: invitation → pledge → reading the item in at most
 * five clicks): someone who has just joined by invitation was going to the council's information, so signing sends
 * them to its items list, each readable item one click from the viewer; anyone else comes back to the council page.
 * Kept in the session per council, so that the pledge form itself carries nothing, and used once.
 */
final class AfterPledge {

    private static final String KEY = AfterPledge.class.getName() + ".";

    private AfterPledge() {
    }

    /** After joining: the council's items are where the person was going. */
    static void joined(HttpSession session, CouncilId council) {
        session.setAttribute(KEY + council.value(), "/councils/" + council.value() + "/items");
    }

    /** The page to show once the pledge is signed, forgetting the remembered one. */
    static String signed(HttpSession session, CouncilId council) {
        Object next = session == null ? null : session.getAttribute(KEY + council.value());
        if (next instanceof String path) {
            session.removeAttribute(KEY + council.value());
            return path;
        }
        return "/councils/" + council.value();
    }
}
