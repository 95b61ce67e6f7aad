package org.banso.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.banso.identity.BansoUser;

/**
 * The e-mail outbox, for administrators (everyone else: {@code not-found}). With no mail host configured it is where
 * the mails are kept and read (the zero-setup default, and the demo); with one, it shows what was sent, what waits for
 * a retry, what failed and what is uncertain.
 */
public interface Outbox {

    int PAGE_SIZE = 50;

    /** Newest first, one page (0-based). */
    List<MailView> mails(BansoUser admin, int page);

    /** Whether a mail host is configured ({@code spring.mail.host}). */
    boolean sendsMail();

    /** Sends an UNCERTAIN or FAILED mail again (an administrator's decision); {@code conflict} for any other. */
    void retry(UUID mail, BansoUser admin);

    /**
     * @param state PENDING, SENDING, SENT, FAILED, UNCERTAIN or LOCAL
     */
    record MailView(UUID id, String address, String language, String subject, String body, boolean withCalendar,
                    String state, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                    Instant sentAt) {
    }
}
