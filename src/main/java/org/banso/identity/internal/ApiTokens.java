package org.banso.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityEvents;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
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

    @Transactional
    public IssuedToken issue(BansoUser user) {
        String token = TokenCodec.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenLifetime());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into identity_api_token (id, account_id, token_hash, issued_at, expires_at)
                values (?, ?, ?, ?, ?)""")
                .params(id, user.id().value(), TokenCodec.hashOf(token).orElseThrow(), Timestamp.from(now),
                        Timestamp.from(expiresAt))
                .update();
        events.publishEvent(new IdentityEvents.ApiTokenIssued(id, user.id(), expiresAt, now));
        return new IssuedToken(id, token, expiresAt);
    }

    /** The user a token stands for, if it is well-formed, known, unexpired, unrevoked and its account enabled. */
    @Transactional(readOnly = true)
    Optional<BansoUser> authenticate(String token) {
        return TokenCodec.hashOf(token).flatMap(hash -> jdbc.sql("""
                        select t.account_id from identity_api_token t join identity_account a on a.id = t.account_id
                        where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and a.enabled""")
                .params(hash, Timestamp.from(clock.instant()))
                .query(UUID.class).optional())
                .flatMap(accountId -> accounts.byId(new UserId(accountId)))
                .map(UserView::asPrincipal);
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
