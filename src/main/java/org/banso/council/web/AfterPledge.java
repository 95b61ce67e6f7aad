package org.banso.council.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpSession;
import org.banso.council.CouncilId;

/**
 * Where a person goes once they signed a council's pledge. Someone who was told to sign first while opening council
 * content goes on to that content (issue 17; the pledge form carries the path, checked here); someone who has just
 * joined by invitation was going to the council's information, so signing sends them to its items list (issue 16:
 * invitation → pledge → reading the item in at most five clicks; kept in the session per council and used once);
 * anyone else comes back to the council page. The content's own page still asks the policy (R12, R17): going on to it
 * shows nothing the signature did not open.
 */
final class AfterPledge {

    private static final String KEY = AfterPledge.class.getName() + ".";
    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** Council content a refusal can send to the pledge from: paths of this application only, no query. */
    private static final Pattern CONTENT = Pattern.compile(
            "/(items/" + ID + "(/view)?|proposals/" + ID + "|designations/" + ID + "|councils/" + ID
                    + "/(items|follow-up))");

    private AfterPledge() {
    }

    /** After joining: the council's items are where the person was going. */
    static void joined(HttpSession session, CouncilId council) {
        session.setAttribute(KEY + council.value(), "/councils/" + council.value() + "/items");
    }

    /**
     * The content a person asked for before being sent to sign, when it is a path of council content; null for
     * anything else (another site, another page, a malformed path), which is then ignored.
     */
    static String requested(String then) {
        return then != null && then.length() <= 200 && CONTENT.matcher(then).matches() ? then : null;
    }

    /**
     * The page to show once the pledge is signed: the content asked for, else the one remembered on joining
     * (forgotten then), else the council page.
     */
    static String signed(HttpSession session, CouncilId council, String then) {
        Object next = session == null ? null : session.getAttribute(KEY + council.value());
        if (next instanceof String path) {
            session.removeAttribute(KEY + council.value());
            if (requested(then) == null) {
                return path;
            }
        }
        return requested(then) != null ? then : "/councils/" + council.value();
    }
}
