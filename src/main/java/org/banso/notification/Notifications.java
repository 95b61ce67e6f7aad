package org.banso.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.identity.BansoUser;

/**
 * A person's notifications and settings, for the pages and the API. Every method acts for the given person only;
 * someone else's notification is {@code not-found}.
 */
public interface Notifications {

    /** The person's notifications, newest first, one page (0-based) of {@link #PAGE_SIZE}. */
    List<NotificationView> notifications(BansoUser person, int page);

    long unreadCount(BansoUser person);

    /** Marks one read and answers it (its page is where the person goes next). */
    NotificationView open(UUID notification, BansoUser person);

    /** Marks every notification of the person read; answers how many were unread. */
    int markAllRead(BansoUser person);

    Settings settings(BansoUser person);

    /**
     * {@code validation-failed} on {@code language} (ja or en) or on {@code emailModes.KIND} when a kind that asks for
     * an answer would be switched off; nothing changes then.
     */
    Settings updateSettings(Settings settings, BansoUser person);

    int PAGE_SIZE = 50;

    /**
     * @param councilName the council's name while the person may know the council (read now), else null
     * @param deadline    the deadline or the meeting's start, if any
     */
    record NotificationView(UUID id, NotificationKind kind, CouncilId councilId, String councilName, String path,
                            Instant deadline, Instant createdAt, Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }

    /** @param emailModes every kind with its mode (defaults filled in) */
    record Settings(String language, Map<NotificationKind, EmailMode> emailModes) {
    }
}
