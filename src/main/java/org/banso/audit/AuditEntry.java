package org.banso.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the log.
 *
 * @param index    its position, 0 first, dense
 * @param leaf     the exact bytes that were hashed (RFC 8785 canonical JSON of the event)
 * @param kind     the event's simple class name, e.g. {@code LoginFailed}
 * @param actor    who acted, when the event names someone
 * @param council  the council concerned, if any
 * @param item     the information item concerned, if any
 */
public record AuditEntry(long index, byte[] leaf, String kind, Instant at, UUID actor, UUID council, UUID item) {

    public String leafText() {
        return new String(leaf, java.nio.charset.StandardCharsets.UTF_8);
    }
}
