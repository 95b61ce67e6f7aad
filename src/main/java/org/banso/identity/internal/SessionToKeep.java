package org.banso.identity.internal;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The page session a change is made from, which goes on when the change ends the account's other sessions: its
 * session record and its stored id as this request loaded it (before any change of id the request makes, which is
 * stored only when the request ends).
 *
 * @param record the session record (null: none is kept)
 * @param storedId the page session's id (null: none is kept)
 */
public record SessionToKeep(UUID record, String storedId) {

    /** Nothing kept: every session of the account ends (a change through the API, which has no page session). */
    public static final SessionToKeep NONE = new SessionToKeep(null, null);

    /** The page session of this request, if it has one. */
    public static SessionToKeep of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return NONE;
        }
        return new SessionToKeep(session.getAttribute(SessionRecords.ATTRIBUTE) instanceof UUID id ? id : null,
                session.getId());
    }
}
