package org.banso.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password for both the login page and the token endpoint. Every outcome that is not a
 * success looks the same to the caller and costs the same time: an unknown user, a wrong password, a disabled
 * account and a locked username all run one password hash and answer empty.
 */
@Component
public class Authenticator {

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final IdentityProperties properties;
    private final Clock clock;
    private final String dummyHash;

    Authenticator(Accounts accounts, JdbcClient jdbc, PasswordEncoder passwordEncoder,
                  ApplicationEventPublisher events, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    public Optional<BansoUser> authenticate(String username, String password, String channel) {
        String key = usernameKey(username);
        Instant now = clock.instant();
        boolean locked = isLocked(key, now);
        Optional<Accounts.Account> account = key.isEmpty() ? Optional.empty() : accounts.byUsername(key);
        boolean usable = account.map(a -> a.view().enabled()).orElse(false);
        String hash = usable ? account.get().passwordHash() : dummyHash;
        boolean matches = passwordEncoder.matches(password == null ? "" : password, hash);
        if (!locked && usable && matches) {
            jdbc.sql("delete from identity_login_throttle where username_key = ?").param(key).update();
            var view = account.get().view();
            events.publishEvent(new IdentityEvents.LoginSucceeded(view.id(), channel, now));
            return Optional.of(view.asPrincipal());
        }
        boolean lockedNow = recordFailure(key, now) || locked;
        events.publishEvent(new IdentityEvents.LoginFailed(account.map(a -> a.view().id()).orElse(null),
                account.isPresent() ? null : digest(key), channel, lockedNow, now));
        return Optional.empty();
    }

    private boolean isLocked(String key, Instant now) {
        return jdbc.sql("select count(*) from identity_login_throttle where username_key = ? and locked_until > ?")
                .params(key, Timestamp.from(now)).query(Long.class).single() > 0;
    }

    /** Counts one more failure; answers whether the username is now locked. */
    private boolean recordFailure(String key, Instant now) {
        Instant lockUntil = now.plus(properties.lockDuration());
        Integer failures = jdbc.sql("""
                        insert into identity_login_throttle (username_key, consecutive_failures, last_failure_at)
                        values (?, 1, ?)
                        on conflict (username_key) do update
                           set consecutive_failures = identity_login_throttle.consecutive_failures + 1,
                               last_failure_at = excluded.last_failure_at
                        returning consecutive_failures""")
                .params(key, Timestamp.from(now)).query(Integer.class).single();
        if (failures >= properties.maxFailedLogins()) {
            jdbc.sql("""
                    update identity_login_throttle set locked_until = ?, consecutive_failures = 0
                    where username_key = ?""").params(Timestamp.from(lockUntil), key).update();
            return true;
        }
        return false;
    }

    /** Forgets failures of names nobody has tried for a day, so guessed names do not pile up. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldFailures() {
        Instant cutoff = clock.instant().minus(1, ChronoUnit.DAYS);
        jdbc.sql("""
                delete from identity_login_throttle
                where last_failure_at < ? and (locked_until is null or locked_until < ?)""")
                .params(Timestamp.from(cutoff), Timestamp.from(clock.instant())).update();
    }

    /** The digest under which a failed sign-in with an unknown name is logged. */
    static String digest(String usernameKey) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(usernameKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static String usernameKey(String username) {
        if (username == null) {
            return "";
        }
        String key = username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 128 ? key.substring(0, 128) : key;
    }
}
