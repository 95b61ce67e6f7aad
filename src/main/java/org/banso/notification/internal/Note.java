package org.banso.notification.internal;

import java.time.Instant;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilWorklist.MeetingFacts;
import org.banso.identity.UserId;
import org.banso.notification.NotificationKind;

/**
 * One notification to make: for whom, of what kind, about which council and thing, where it is done, until when.
 *
 * @param dedupeKey the same key never makes a second notification (republished events, reminder runs)
 * @param meeting   for meeting kinds, what the iCalendar invitation says; null otherwise
 */
record Note(NotificationKind kind, UserId recipient, CouncilId council, UUID subject, String path, Instant deadline,
            String dedupeKey, MeetingFacts meeting) {

    Note {
        if (dedupeKey.length() > 300) {
            throw new IllegalArgumentException("dedupe key too long");
        }
    }
}
