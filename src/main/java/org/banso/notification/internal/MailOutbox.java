package org.banso.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable outbox of e-mails and its send state machine (see the migration): PENDING → SENDING → SENT, back to
 * PENDING with back-off after a failed attempt, FAILED after the configured attempts, UNCERTAIN when a sender died
 * between claiming and recording (never sent again by itself: at most once), LOCAL when no mail host is configured.
 * The idempotency key (per notification and recipient, per invitation, per digest) makes writing a mail twice a no-op.
 */
@Repository
class MailOutbox {

    enum State {
        PENDING, SENDING, SENT, FAILED, UNCERTAIN, LOCAL
    }

    /** A mail as stored; {@code calendar} is an iCalendar object to attach, or null. */
    record OutgoingMail(UUID id, String idempotencyKey, UUID notificationId, UUID recipientId, String address,
                        String language, String subject, String body, String calendar, State state, int attempts,
                        Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
    }

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the mail in the current transaction unless one with the same key exists; true when written. */
    boolean write(String key, UUID notification, UUID recipient, String address, String language, String subject,
                  String body, String calendar, boolean local, Instant now) {
        return jdbc.sql("""
                        insert into notification_mail (id, idempotency_key, notification_id, recipient_id, address,
                               language, subject, body, calendar, state, next_attempt_at, created_at)
                        values (:id, :key, :notification, :recipient, :address, :language, :subject, :body,
                                :calendar, :state, :now, :now)
                        on conflict (idempotency_key) do nothing""")
                .param("id", UUID.randomUUID()).param("key", key).param("notification", notification)
                .param("recipient", recipient).param("address", address).param("language", language)
                .param("subject", subject).param("body", body).param("calendar", calendar)
                .param("state", (local ? State.LOCAL : State.PENDING).name()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Claims due mails for one sender: PENDING → SENDING, committed before the server is contacted. Rows another
     * sender holds are skipped, so two nodes never claim the same mail.
     */
    List<OutgoingMail> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                        update notification_mail set state = 'SENDING', sending_since = :now, attempts = attempts + 1
                        where id in (select id from notification_mail where state = 'PENDING'
                                     and next_attempt_at <= :now order by next_attempt_at, seq
                                     limit :limit for update skip locked)
                        returning *""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(MailOutbox::mail).list();
    }

    /** The server accepted it (SMTP 250 after DATA). */
    void sent(UUID id, Instant now) {
        jdbc.sql("""
                        update notification_mail set state = 'SENT', sent_at = :now, sending_since = null,
                               last_error = null
                        where id = :id and state = 'SENDING'""")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** Not accepted: try again after {@code wait}, or give up (FAILED) when the attempts are used up. */
    void failed(UUID id, String error, boolean giveUp, Duration wait, Instant now) {
        jdbc.sql("""
                        update notification_mail set state = :state, sending_since = null, last_error = :error,
                               next_attempt_at = :next
                        where id = :id and state = 'SENDING'""")
                .param("state", giveUp ? State.FAILED.name() : State.PENDING.name())
                .param("error", error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("next", Timestamp.from(now.plus(wait))).param("id", id).update();
    }

    /**
     * Mails claimed before {@code claimedBefore} and never recorded: their sender died, perhaps after the server had
     * accepted them. They become UNCERTAIN and are not sent again by themselves (at most once); an administrator
     * sees them on the outbox page.
     */
    int markAbandonedUncertain(Instant claimedBefore) {
        return jdbc.sql("""
                        update notification_mail set state = 'UNCERTAIN', sending_since = null,
                               last_error = 'the sender stopped between claiming and recording this mail'
                        where state = 'SENDING' and sending_since < :before""")
                .param("before", Timestamp.from(claimedBefore)).update();
    }

    /** An administrator's decision to send an UNCERTAIN or FAILED mail again. */
    boolean retry(UUID id, Instant now) {
        return jdbc.sql("""
                        update notification_mail set state = 'PENDING', next_attempt_at = :now, attempts = 0
                        where id = :id and state in ('UNCERTAIN', 'FAILED')""")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    List<OutgoingMail> page(int page, int size) {
        return jdbc.sql("""
                        select * from notification_mail order by created_at desc, seq desc
                        limit :limit offset :offset""")
                .param("limit", size).param("offset", (long) page * size).query(MailOutbox::mail).list();
    }

    private static OutgoingMail mail(ResultSet rs, int row) throws SQLException {
        return new OutgoingMail(rs.getObject("id", UUID.class), rs.getString("idempotency_key"),
                rs.getObject("notification_id", UUID.class), rs.getObject("recipient_id", UUID.class),
                rs.getString("address"), rs.getString("language"), rs.getString("subject"), rs.getString("body"),
                rs.getString("calendar"), State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                NotificationStore.instant(rs, "next_attempt_at"), rs.getString("last_error"),
                NotificationStore.instant(rs, "created_at"), NotificationStore.instant(rs, "sent_at"));
    }
}
