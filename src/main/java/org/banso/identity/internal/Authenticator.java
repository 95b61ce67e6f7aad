package org.banso.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password for both the login page and the token endpoint. Every outcome that is not a
 * success looks the same to the caller and costs the same time: an unknown user, a wrong password, a disabled
 * account and a password over bcrypt's 72 bytes all run one password hash and answer {@link Outcome.Failed}.
 * Before any of that, {@link SignInThrottle} may answer {@link Outcome.Throttled} — the same for every username, so
 * it tells nothing about accounts either.
 */
@Component
public class Authenticator {

    /** bcrypt reads at most 72 bytes of a password; longer ones are refused when set and never match. */
    static final int BCRYPT_MAX_BYTES = 72;

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final String dummyHash;

    Authenticator(Accounts accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
                  SignInThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.throttle = throttle;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /** What a sign-in attempt came to. */
    public sealed interface Outcome {

        /** Signed in; {@code credentialsVersion} is what a page session remembers (see {@link SessionStamp}). */
        record SignedIn(BansoUser user, int credentialsVersion) implements Outcome {
        }

        record Failed() implements Outcome {
        }

        /** Too many failures from this source or for this name: try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    /**
     * @param channel {@code page} or {@code api}, for the audit log
     * @param source  where the attempt comes from (the client's IP address as the container sees it)
     */
    public Outcome authenticate(String username, String password, String channel, String source) {
        String key = usernameKey(username);
        Instant now = clock.instant();
        Optional<Duration> refusal = throttle.refusal(key, source);
        Optional<Accounts.Account> account = key.isEmpty() ? Optional.empty() : accounts.byUsername(key);
        if (refusal.isPresent()) {
            events.publishEvent(new IdentityEvents.LoginFailed(account.map(a -> a.view().id()).orElse(null),
                    account.isPresent() ? null : digest(key), channel, true, now));
            return new Outcome.Throttled(refusal.get());
        }
        boolean usable = account.map(a -> a.view().enabled()).orElse(false);
        String given = password == null ? "" : password;
        boolean fits = given.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES;
        String hash = usable ? account.get().passwordHash() : dummyHash;
        // the same work for a password too long to match: the dummy hash with a password that fits
        boolean matches = passwordEncoder.matches(fits ? given : "", fits ? hash : dummyHash) && fits;
        if (usable && matches) {
            throttle.succeeded(key, source);
            var view = account.get().view();
            events.publishEvent(new IdentityEvents.LoginSucceeded(view.id(), channel, now));
            return new Outcome.SignedIn(view.asPrincipal(), account.get().credentialsVersion());
        }
        throttle.failed(key, source);
        events.publishEvent(new IdentityEvents.LoginFailed(account.map(a -> a.view().id()).orElse(null),
                account.isPresent() ? null : digest(key), channel, false, now));
        return new Outcome.Failed();
    }

    /** Whether {@code password} is the account's current one (for a password change); counted like a sign-in. */
    boolean currentPasswordMatches(Accounts.Account account, String password, String source) {
        String key = account.view().username();
        if (throttle.refusal(key, source).isPresent()) {
            return false;
        }
        String given = password == null ? "" : password;
        boolean fits = given.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES;
        boolean matches = passwordEncoder.matches(fits ? given : "", fits ? account.passwordHash() : dummyHash) && fits;
        if (!matches) {
            throttle.failed(key, source);
        }
        return matches;
    }

    /** The digest under which a failed sign-in with an unknown name is logged. */
    static String digest(String usernameKey) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(usernameKey.getBytes(StandardCharsets.UTF_8));
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
