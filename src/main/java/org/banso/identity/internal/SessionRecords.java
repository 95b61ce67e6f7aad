package org.banso.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.IdentityEvents;
import org.banso.identity.IdentityEvents.SignInMethod;
import org.banso.identity.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The page sessions of each account as the account page lists them: device, how they signed in, when, the second
 * factor. The servlet session holds only the row's id (a UUID, so it serialises with any session store); ending the
 * row ends the session at its next request.
 */
@Component
class SessionRecords {

    /** The session attribute holding this session's row id. */
    static final String ATTRIBUTE = SessionRecords.class.getName() + ".id";

    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionRecords(JdbcClient jdbc, IdentityProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    record SessionRecord(UUID id, SignInMethod method, String provider, SignInMethod secondFactor,
                         Instant secondFactorAt, String device, Instant signedInAt, Instant lastSeenAt) {
    }

    @Transactional
    UUID open(UserId account, SignInMethod method, String provider, String device) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into identity_session (id, account_id, method, provider, second_factor, second_factor_at,
                                                      device, signed_in_at, last_seen_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, account.value(), method.name(), provider,
                        method == SignInMethod.PASSKEY ? SignInMethod.PASSKEY.name() : null,
                        method == SignInMethod.PASSKEY ? Timestamp.from(now) : null, device, Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        return id;
    }

    @Transactional
    void secondFactor(UUID id, UserId account, SignInMethod method) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update identity_session set second_factor = ?, second_factor_at = ?, last_seen_at = ?
                        where id = ? and account_id = ? and ended_at is null""")
                .params(method.name(), now, now, id, account.value()).update();
    }

    /** Is this session still open? Touches its "last seen" time at most once per configured interval. */
    @Transactional
    boolean live(UUID id, UserId account) {
        Instant now = clock.instant();
        Optional<Timestamp> lastSeen = jdbc.sql("""
                        select last_seen_at from identity_session where id = ? and account_id = ? and ended_at is null""")
                .params(id, account.value()).query(Timestamp.class).optional();
        if (lastSeen.isEmpty()) {
            return false;
        }
        if (lastSeen.get().toInstant().plus(properties.sessionSeenInterval()).isBefore(now)) {
            jdbc.sql("update identity_session set last_seen_at = ? where id = ?").params(Timestamp.from(now), id)
                    .update();
        }
        return true;
    }

    /** The account's open sessions, most recently seen first. */
    @Transactional(readOnly = true)
    List<SessionRecord> openSessions(UserId account) {
        return jdbc.sql("""
                        select id, method, provider, second_factor, second_factor_at, device, signed_in_at, last_seen_at
                        from identity_session where account_id = ? and ended_at is null
                        order by last_seen_at desc limit 100""")
                .param(account.value())
                .query((rs, n) -> new SessionRecord(rs.getObject(1, UUID.class), SignInMethod.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4) == null ? null : SignInMethod.valueOf(rs.getString(4)),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** Ends one session of the account, or (id null) all of them; answers the records ended. */
    @Transactional
    List<UUID> end(UserId account, UUID id) {
        Instant now = clock.instant();
        List<UUID> ended = id == null
                ? jdbc.sql("""
                                update identity_session set ended_at = ? where account_id = ? and ended_at is null
                                returning id""")
                        .params(Timestamp.from(now), account.value()).query(UUID.class).list()
                : jdbc.sql("""
                                update identity_session set ended_at = ?
                                where account_id = ? and id = ? and ended_at is null returning id""")
                        .params(Timestamp.from(now), account.value(), id).query(UUID.class).list();
        if (!ended.isEmpty()) {
            events.publishEvent(new IdentityEvents.SessionsEnded(account, ended.size(), id == null, now));
        }
        return ended;
    }

    /** Ends every session of the account but {@code keep} (null: all); answers the records ended. */
    @Transactional
    List<UUID> endOthers(UserId account, UUID keep) {
        if (keep == null) {
            return end(account, null);
        }
        Instant now = clock.instant();
        List<UUID> ended = jdbc.sql("""
                        update identity_session set ended_at = ?
                        where account_id = ? and id <> ? and ended_at is null returning id""")
                .params(Timestamp.from(now), account.value(), keep).query(UUID.class).list();
        if (!ended.isEmpty()) {
            events.publishEvent(new IdentityEvents.SessionsEnded(account, ended.size(), true, now));
        }
        return ended;
    }

    /** A short description of the device from its User-Agent header: browser and system, nothing identifying. */
    static String device(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "?";
        }
        String ua = userAgent.length() > 512 ? userAgent.substring(0, 512) : userAgent;
        String browser = ua.contains("Edg/") ? "Edge"
                : ua.contains("OPR/") ? "Opera"
                : ua.contains("Firefox/") ? "Firefox"
                : ua.contains("HeadlessChrome/") ? "Chromium (headless)"
                : ua.contains("Chrome/") || ua.contains("Chromium/") ? "Chrome"
                : ua.contains("Safari/") ? "Safari"
                : ua.startsWith("curl/") ? "curl"
                : "Browser";
        String system = ua.contains("Windows") ? "Windows"
                : ua.contains("iPhone") || ua.contains("iPad") ? "iOS"
                : ua.contains("Mac OS X") ? "macOS"
                : ua.contains("Android") ? "Android"
                : ua.contains("CrOS") ? "ChromeOS"
                : ua.contains("Linux") ? "Linux"
                : null;
        return system == null ? browser : browser + " / " + system;
    }
}
