package org.banso.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityEvents;
import org.banso.identity.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Issues, checks and revokes opaque API tokens. */
@Component
public class ApiTokens {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final IdentityProperties properties;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events, IdentityProperties properties,
              Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    public record IssuedToken(UUID id, String token, Instant expiresAt) {
    }

    /** A personal token proving only the password (no second factor). */
    @Transactional
    public IssuedToken issue(BansoUser user) {
        return issue(user, null);
    }

    /**
     * A personal token.
     *
     * @param secondFactorAt when its holder passed a second factor for it, or null
     */
    @Transactional
    public IssuedToken issue(BansoUser user, Instant secondFactorAt) {
        String token = TokenCodec.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenLifetime());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into identity_api_token (id, account_id, token_hash, issued_at, expires_at, second_factor_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, user.id().value(), TokenCodec.hashOf(token).orElseThrow(), Timestamp.from(now),
                        Timestamp.from(expiresAt), secondFactorAt == null ? null : Timestamp.from(secondFactorAt))
                .update();
        events.publishEvent(new IdentityEvents.ApiTokenIssued(id, user.id(), expiresAt, now));
        return new IssuedToken(id, token, expiresAt);
    }

    /** A service token an ADMIN issues in an account's name: one narrow scope, an expiry, no second factor. */
    @Transactional
    IssuedToken issueService(UserId account, ServiceScope scope, Instant expiresAt, String label, UserId by) {
        String token = TokenCodec.newToken();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into identity_api_token (id, account_id, token_hash, issued_at, expires_at, kind, scope, label,
                                                issued_by)
                values (?, ?, ?, ?, ?, 'SERVICE', ?, ?, ?)""")
                .params(id, account.value(), TokenCodec.hashOf(token).orElseThrow(), Timestamp.from(now),
                        Timestamp.from(expiresAt), scope.name(), label, by.value())
                .update();
        events.publishEvent(new IdentityEvents.ServiceTokenIssued(id, account, scope.name(), expiresAt, by, now));
        return new IssuedToken(id, token, expiresAt);
    }

    /** What a live token stands for: its account, and what it proves. */
    record TokenFacts(UUID id, BansoUser user, Instant issuedAt, Instant secondFactorAt, ServiceScope scope) {
    }

    /** The facts of a token that is well-formed, known, unexpired, unrevoked, and whose account is enabled. */
    @Transactional(readOnly = true)
    Optional<TokenFacts> facts(String token) {
        record Row(UUID id, UUID account, Instant issuedAt, Instant secondFactorAt, String scope) {
        }
        return TokenCodec.hashOf(token).flatMap(hash -> jdbc.sql("""
                        select t.id, t.account_id, t.issued_at, t.second_factor_at, t.scope
                        from identity_api_token t join identity_account a on a.id = t.account_id
                        where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and a.enabled""")
                .params(hash, Timestamp.from(clock.instant()))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional())
                .flatMap(row -> accounts.byId(new UserId(row.account())).map(view -> new TokenFacts(row.id(),
                        view.asPrincipal(), row.issuedAt(), row.secondFactorAt(),
                        row.scope() == null ? null : ServiceScope.valueOf(row.scope()))));
    }

    /** Records that the holder of this personal token just passed a second factor (API step-up). */
    @Transactional
    public boolean secondFactorPassed(String token, UserId account, Instant at) {
        Optional<byte[]> hash = TokenCodec.hashOf(token);
        return hash.isPresent() && jdbc.sql("""
                        update identity_api_token set second_factor_at = ?
                        where token_hash = ? and account_id = ? and kind = 'PERSONAL' and revoked_at is null""")
                .params(Timestamp.from(at), hash.get(), account.value()).update() > 0;
    }

    /** Revokes the presented token. Answers false when it was not a live token of this user. */
    @Transactional
    public boolean revoke(String token, BansoUser by) {
        Optional<byte[]> hash = TokenCodec.hashOf(token);
        if (hash.isEmpty()) {
            return false;
        }
        Optional<UUID> id = jdbc.sql("""
                        update identity_api_token set revoked_at = ?
                        where token_hash = ? and account_id = ? and revoked_at is null returning id""")
                .params(Timestamp.from(clock.instant()), hash.get(), by.id().value())
                .query(UUID.class).optional();
        id.ifPresent(tokenId -> events.publishEvent(
                new IdentityEvents.ApiTokenRevoked(tokenId, by.id(), by.id(), clock.instant())));
        return id.isPresent();
    }

    @Transactional
    public int revokeAll(UserId user, UserId by) {
        var ids = jdbc.sql("""
                        update identity_api_token set revoked_at = ?
                        where account_id = ? and revoked_at is null and expires_at > ? returning id""")
                .params(Timestamp.from(clock.instant()), user.value(), Timestamp.from(clock.instant()))
                .query(UUID.class).list();
        ids.forEach(tokenId -> events.publishEvent(
                new IdentityEvents.ApiTokenRevoked(tokenId, user, by, clock.instant())));
        return ids.size();
    }
}
