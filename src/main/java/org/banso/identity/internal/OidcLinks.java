package org.banso.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityEvents;
import org.banso.identity.IdentityEvents.SignInMethod;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between OpenID Connect identities (issuer + subject) and Banso accounts, and the decision whom an OIDC
 * sign-in lets in (issue 18). Only an existing, enabled account: by its link, or — the first time — by the e-mail
 * address an ADMIN or an invitation gave the account, when the provider says it verified that address, the address
 * belongs to exactly one enabled account, that account has no other identity at this provider, and (if configured)
 * the address is in one of the provider's domains. Never a new account; roles and organisation stay Banso's.
 */
@Component
class OidcLinks {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OidcLinks(JdbcClient jdbc, Accounts accounts, IdentityProperties properties, ApplicationEventPublisher events,
              Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** What the provider vouched for, as far as Banso uses it. */
    record Identity(String registrationId, String issuer, String subject, String email, boolean emailVerified) {
    }

    /** A sign-in let in, or refused with a stable reason (shown to nobody but the audit log). */
    sealed interface Decision {
    }

    record Admitted(BansoUser user) implements Decision {
    }

    record Refused(String reason) implements Decision {
    }

    record Link(UUID id, String registrationId, String issuer, Instant linkedAt, Instant lastSignInAt) {
    }

    @Transactional
    Decision signIn(Identity identity) {
        Instant now = clock.instant();
        record Linked(UUID account, boolean unlinked) {
        }
        Optional<Linked> linked = jdbc.sql("""
                        select account_id, unlinked_at is not null from identity_oidc_link
                        where issuer = ? and subject = ?""")
                .params(identity.issuer(), identity.subject())
                .query((rs, n) -> new Linked(rs.getObject(1, UUID.class), rs.getBoolean(2))).optional();
        UserView account;
        if (linked.isPresent() && linked.get().unlinked()) {
            return refuse(identity, "unlinked", now);
        }
        if (linked.isPresent()) {
            account = accounts.byId(new UserId(linked.get().account())).orElse(null);
            if (account == null || !account.enabled()) {
                return refuse(identity, "account-disabled", now);
            }
        } else {
            Optional<UserView> matched = firstLink(identity);
            if (matched.isEmpty()) {
                return refuse(identity, "no-linked-account", now);
            }
            account = matched.get();
            jdbc.sql("""
                            insert into identity_oidc_link (id, account_id, registration_id, issuer, subject, linked_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), account.id().value(), identity.registrationId(), identity.issuer(),
                            identity.subject(), Timestamp.from(now))
                    .update();
            events.publishEvent(new IdentityEvents.OidcLinked(account.id(), identity.registrationId(),
                    Authenticator.digest(identity.subject()), "verified-email", account.id(), now));
        }
        jdbc.sql("update identity_oidc_link set last_sign_in_at = ? where issuer = ? and subject = ?")
                .params(Timestamp.from(now), identity.issuer(), identity.subject()).update();
        events.publishEvent(new IdentityEvents.SignedIn(account.id(), SignInMethod.OIDC, identity.registrationId(),
                now));
        return new Admitted(account.asPrincipal());
    }

    private Optional<UserView> firstLink(Identity identity) {
        String email = identity.email() == null ? "" : identity.email().strip().toLowerCase(Locale.ROOT);
        if (!identity.emailVerified() || email.isEmpty() || !inAllowedDomain(identity.registrationId(), email)) {
            return Optional.empty();
        }
        List<UUID> candidates = jdbc.sql("""
                        select a.id from identity_account a
                        where lower(a.email) = ? and a.enabled
                          and not exists (select 1 from identity_oidc_link l where l.account_id = a.id and l.issuer = ?)
                        limit 2""")
                .params(email, identity.issuer()).query(UUID.class).list();
        // an address shared by two accounts names neither of them
        return candidates.size() == 1 ? accounts.byId(new UserId(candidates.get(0))) : Optional.empty();
    }

    private boolean inAllowedDomain(String registrationId, String email) {
        List<String> domains = properties.oidc(registrationId).emailDomains();
        String domain = email.substring(email.lastIndexOf('@') + 1);
        return domains.isEmpty() || domains.stream().anyMatch(d -> d.equalsIgnoreCase(domain));
    }

    private Refused refuse(Identity identity, String reason, Instant now) {
        events.publishEvent(new IdentityEvents.OidcSignInRefused(identity.registrationId(),
                Authenticator.digest(identity.subject()), reason, now));
        return new Refused(reason);
    }

    @Transactional(readOnly = true)
    List<Link> of(UserId account) {
        return jdbc.sql("""
                        select id, registration_id, issuer, linked_at, last_sign_in_at from identity_oidc_link
                        where account_id = ? and unlinked_at is null order by linked_at""")
                .param(account.value())
                .query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    /**
     * Ends one of the account's links. The row stays as a tombstone: the identity is refused from then on, and the
     * account is not linked again at that provider by e-mail (an administrator would have to remove the tombstone).
     */
    @Transactional
    boolean unlink(UserId account, UUID link, UserId by) {
        Optional<String> registration = jdbc.sql("""
                        update identity_oidc_link set unlinked_at = ?
                        where id = ? and account_id = ? and unlinked_at is null returning registration_id""")
                .params(Timestamp.from(clock.instant()), link, account.value()).query(String.class).optional();
        registration.ifPresent(r -> events.publishEvent(new IdentityEvents.OidcUnlinked(account, r, by,
                clock.instant())));
        return registration.isPresent();
    }
}
