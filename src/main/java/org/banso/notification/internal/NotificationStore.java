package org.banso.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.identity.UserId;
import org.banso.notification.EmailMode;
import org.banso.notification.NotificationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification rows and each person's preferences (plain SQL over the module's own tables). */
@Repository
class NotificationStore {

    /** A notification as stored: no title, no text. */
    record Stored(UUID id, UserId recipient, NotificationKind kind, CouncilId council, UUID subject, String path,
                  Instant deadline, Instant createdAt, Instant readAt) {
    }

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the notification unless one with the same key exists; answers it only when it was new. */
    Optional<Stored> insertIfNew(Note note, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into notification_notification (id, recipient_id, kind, council_id, subject_id, path,
                                                               deadline, created_at, dedupe_key)
                        values (:id, :recipient, :kind, :council, :subject, :path, :deadline, :now, :key)
                        on conflict (dedupe_key) do nothing""")
                .param("id", id).param("recipient", note.recipient().value()).param("kind", note.kind().name())
                .param("council", note.council() == null ? null : note.council().value())
                .param("subject", note.subject()).param("path", note.path())
                .param("deadline", timestamp(note.deadline())).param("now", Timestamp.from(now))
                .param("key", note.dedupeKey())
                .update();
        return inserted == 0 ? Optional.empty() : Optional.of(new Stored(id, note.recipient(), note.kind(),
                note.council(), note.subject(), note.path(), note.deadline(), now, null));
    }

    List<Stored> page(UserId recipient, int page, int size) {
        return jdbc.sql("""
                        select * from notification_notification where recipient_id = :r
                        order by created_at desc, seq desc limit :limit offset :offset""")
                .param("r", recipient.value()).param("limit", size).param("offset", (long) page * size)
                .query(NotificationStore::stored).list();
    }

    Optional<Stored> find(UUID id, UserId recipient) {
        return jdbc.sql("select * from notification_notification where id = :id and recipient_id = :r")
                .param("id", id).param("r", recipient.value()).query(NotificationStore::stored).optional();
    }

    List<Stored> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from notification_notification where id in (:ids) order by created_at, seq")
                .param("ids", ids).query(NotificationStore::stored).list();
    }

    long unread(UserId recipient) {
        return jdbc.sql("select count(*) from notification_notification where recipient_id = :r and read_at is null")
                .param("r", recipient.value()).query(Long.class).single();
    }

    void markRead(UUID id, Instant now) {
        jdbc.sql("update notification_notification set read_at = :now where id = :id and read_at is null")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    int markAllRead(UserId recipient, Instant now) {
        return jdbc.sql("update notification_notification set read_at = :now where recipient_id = :r"
                        + " and read_at is null")
                .param("now", Timestamp.from(now)).param("r", recipient.value()).update();
    }

    /** The person's language, {@code ja} unless they chose another. */
    String language(UserId user) {
        return chosenLanguage(user).orElse("ja");
    }

    /** The language the person chose in their settings; empty when they never chose one. */
    Optional<String> chosenLanguage(UserId user) {
        return jdbc.sql("select language from notification_preference where user_id = :u")
                .param("u", user.value()).query(String.class).optional();
    }

    /** Every kind with the person's mode: IMMEDIATE unless they chose otherwise. */
    Map<NotificationKind, EmailMode> modes(UserId user) {
        Map<NotificationKind, EmailMode> modes = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            modes.put(kind, EmailMode.IMMEDIATE);
        }
        jdbc.sql("select kind, mode from notification_email_mode where user_id = :u").param("u", user.value())
                .query(rs -> {
                    NotificationKind.named(rs.getString("kind"))
                            .ifPresent(k -> {
                                try {
                                    modes.put(k, EmailMode.valueOf(rs.getString("mode")));
                                } catch (SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                });
        return modes;
    }

    EmailMode mode(UserId user, NotificationKind kind) {
        return jdbc.sql("select mode from notification_email_mode where user_id = :u and kind = :k")
                .param("u", user.value()).param("k", kind.name()).query(String.class).optional()
                .map(EmailMode::valueOf).orElse(EmailMode.IMMEDIATE);
    }

    void saveSettings(UserId user, String language, Map<NotificationKind, EmailMode> modes, Instant now) {
        jdbc.sql("""
                        insert into notification_preference (user_id, language, updated_at) values (:u, :l, :now)
                        on conflict (user_id) do update set language = excluded.language,
                                                            updated_at = excluded.updated_at""")
                .param("u", user.value()).param("l", language).param("now", Timestamp.from(now)).update();
        jdbc.sql("delete from notification_email_mode where user_id = :u").param("u", user.value()).update();
        modes.forEach((kind, mode) -> {
            if (mode != EmailMode.IMMEDIATE) {
                jdbc.sql("insert into notification_email_mode (user_id, kind, mode) values (:u, :k, :m)")
                        .param("u", user.value()).param("k", kind.name()).param("m", mode.name()).update();
            }
        });
    }

    void queueForDigest(Stored notification) {
        jdbc.sql("""
                        insert into notification_digest_entry (notification_id, recipient_id, created_at)
                        values (:n, :r, :at) on conflict do nothing""")
                .param("n", notification.id()).param("r", notification.recipient().value())
                .param("at", Timestamp.from(notification.createdAt())).update();
    }

    /** People with notifications waiting for their digest. */
    List<UserId> digestRecipients() {
        return jdbc.sql("select distinct recipient_id from notification_digest_entry where digested_at is null")
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).list();
    }

    /** Takes the person's waiting digest entries (locked, so that two runs never take the same ones). */
    List<UUID> takeDigest(UserId recipient, Instant now) {
        return jdbc.sql("""
                        update notification_digest_entry set digested_at = :now
                        where notification_id in (select notification_id from notification_digest_entry
                                                  where recipient_id = :r and digested_at is null
                                                  order by created_at limit 200 for update skip locked)
                        returning notification_id""")
                .param("now", Timestamp.from(now)).param("r", recipient.value())
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        UUID council = rs.getObject("council_id", UUID.class);
        return new Stored(rs.getObject("id", UUID.class), new UserId(rs.getObject("recipient_id", UUID.class)),
                NotificationKind.valueOf(rs.getString("kind")), council == null ? null : new CouncilId(council),
                rs.getObject("subject_id", UUID.class), rs.getString("path"), instant(rs, "deadline"),
                instant(rs, "created_at"), instant(rs, "read_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
