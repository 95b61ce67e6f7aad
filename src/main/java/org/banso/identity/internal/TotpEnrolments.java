package org.banso.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.banso.identity.IdentityEvents;
import org.banso.identity.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's authenticator app (TOTP): enrolment in two steps (a PENDING secret shown as a QR code, made ACTIVE by
 * the first correct code, so that nobody ends up with a factor their app does not have), verification with replay
 * protection, removal. The secret is stored only sealed by {@link FactorSecrets}.
 */
@Component
class TotpEnrolments {

    static final String ISSUER = "Banso";

    private final JdbcClient jdbc;
    private final FactorSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TotpCodes codes = new TotpCodes();
    private final SecureRandom random = new SecureRandom();

    TotpEnrolments(JdbcClient jdbc, FactorSecrets secrets, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    /** What the set-up page shows: the secret for typing, and the URI as a QR code. */
    record Enrolment(String secret, String uri, String qrSvg) {
    }

    private record Row(UUID id, byte[] secret, long lastStep) {
    }

    /** Starts (or restarts) an enrolment; an ACTIVE authenticator keeps working until the new one is confirmed. */
    @Transactional
    Enrolment begin(UserId account, String username) {
        byte[] secret = new byte[TotpCodes.SECRET_BYTES];
        random.nextBytes(secret);
        FactorSecrets.Sealed sealed = secrets.seal(account.value(), secret);
        jdbc.sql("delete from identity_totp where account_id = ? and state = 'PENDING'").param(account.value()).update();
        jdbc.sql("""
                        insert into identity_totp (id, account_id, state, key_id, nonce, ciphertext, created_at)
                        values (?, ?, 'PENDING', ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), account.value(), sealed.keyId(), sealed.nonce(), sealed.ciphertext(),
                        Timestamp.from(clock.instant()))
                .update();
        return enrolment(username, secret);
    }

    /** The enrolment in progress, to show its QR code again (e.g. after a wrong first code). */
    @Transactional(readOnly = true)
    Optional<Enrolment> pending(UserId account, String username) {
        return row(account, "PENDING", false).map(r -> enrolment(username, r.secret()));
    }

    /** Makes the pending secret ACTIVE if the code is right for it; the previous authenticator stops working. */
    @Transactional
    boolean confirm(UserId account, String code) {
        Optional<Row> pending = row(account, "PENDING", true);
        if (pending.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        OptionalLong step = codes.verify(pending.get().secret(), code, now, -1);
        if (step.isEmpty()) {
            return false;
        }
        jdbc.sql("delete from identity_totp where account_id = ? and state = 'ACTIVE'").param(account.value()).update();
        jdbc.sql("update identity_totp set state = 'ACTIVE', activated_at = ?, last_step = ? where id = ?")
                .params(Timestamp.from(now), step.getAsLong(), pending.get().id()).update();
        events.publishEvent(new IdentityEvents.TotpEnrolled(account, now));
        return true;
    }

    /** Checks a code against the ACTIVE authenticator, at most once per time step (the row is locked meanwhile). */
    @Transactional
    boolean verify(UserId account, String code) {
        Optional<Row> active = row(account, "ACTIVE", true);
        if (active.isEmpty()) {
            return false;
        }
        OptionalLong step = codes.verify(active.get().secret(), code, clock.instant(), active.get().lastStep());
        step.ifPresent(s -> jdbc.sql("update identity_totp set last_step = ? where id = ?")
                .params(s, active.get().id()).update());
        return step.isPresent();
    }

    @Transactional(readOnly = true)
    boolean active(UserId account) {
        return jdbc.sql("select count(*) from identity_totp where account_id = ? and state = 'ACTIVE'")
                .param(account.value()).query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    Optional<Instant> activatedAt(UserId account) {
        return jdbc.sql("select activated_at from identity_totp where account_id = ? and state = 'ACTIVE'")
                .param(account.value()).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    @Transactional
    boolean remove(UserId account, UserId by) {
        int removed = jdbc.sql("delete from identity_totp where account_id = ? and state = 'ACTIVE'")
                .param(account.value()).update();
        if (removed > 0) {
            events.publishEvent(new IdentityEvents.TotpRemoved(account, by, clock.instant()));
        }
        return removed > 0;
    }

    private Optional<Row> row(UserId account, String state, boolean lock) {
        return jdbc.sql("select id, key_id, nonce, ciphertext, last_step from identity_totp "
                        + "where account_id = ? and state = ?" + (lock ? " for update" : ""))
                .params(account.value(), state)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class),
                        secrets.open(account.value(), new FactorSecrets.Sealed(rs.getString("key_id"),
                                rs.getBytes("nonce"), rs.getBytes("ciphertext"))),
                        rs.getLong("last_step")))
                .optional();
    }

    private static Enrolment enrolment(String username, byte[] secret) {
        String uri = TotpCodes.uri(ISSUER, username, secret);
        return new Enrolment(TotpCodes.base32(secret), uri, TotpCodes.qrSvg(uri));
    }
}
