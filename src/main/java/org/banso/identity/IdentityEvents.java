package org.banso.identity;

import java.time.Instant;
import java.util.Set;

import org.banso.shared.AuditedEvent;

/**
 * What the identity module tells the others (the audit log above all: every one is an {@link AuditedEvent}). No
 * event carries a password, a token or its hash.
 */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    public record OrganizationRegistered(OrganizationId organization, UserId by, Instant at) implements AuditedEvent {
    }

    public record AccountCreated(UserId user, String username, Set<Role> roles, UserId by, Instant at) implements AuditedEvent {
    }

    public record RolesChanged(UserId user, Set<Role> roles, UserId by, Instant at) implements AuditedEvent {
    }

    public record AccountEnabledChanged(UserId user, boolean enabled, UserId by, Instant at) implements AuditedEvent {
    }

    /** A person changed their own password: every other session and token of the account ended. */
    public record PasswordChanged(UserId user, UserId by, Instant at) implements AuditedEvent {
    }

    /** A successful sign-in, on a page ({@code channel = "page"}) or for a token ({@code "api"}). */
    public record LoginSucceeded(UserId user, String channel, Instant at) implements AuditedEvent {
    }

    /**
     * A failed sign-in: the account when the username exists; otherwise only a digest of the name as typed (the first
     * 16 hex digits of its SHA-256), so that an auditor can see repeated guessing without the permanent log keeping
     * what was typed — people sometimes type a password into the username field. Never the password.
     * {@code locked}: the attempt was refused by sign-in throttling before the password was checked.
     */
    public record LoginFailed(UserId user, String unknownNameDigest, String channel, boolean locked, Instant at)
            implements AuditedEvent {
    }

    public record ApiTokenIssued(java.util.UUID tokenId, UserId user, Instant expiresAt, Instant at) implements AuditedEvent {
    }

    public record ApiTokenRevoked(java.util.UUID tokenId, UserId user, UserId by, Instant at) implements AuditedEvent {
    }

    // --- sign-in methods and factors (issue 18); none carries a code, a secret, a key or a provider token ---

    /** How a page session was opened or how a person proved a second factor. */
    public enum SignInMethod {
        PASSWORD, OIDC, PASSKEY, TOTP, RECOVERY_CODE
    }

    /** Why a second factor was asked for: to finish signing in, to open controlled content, to change factors. */
    public enum FactorPurpose {
        SIGN_IN, STEP_UP, API_TOKEN
    }

    /** A sign-in through an OpenID Connect provider or with a passkey (password sign-ins are {@link LoginSucceeded}). */
    public record SignedIn(UserId user, SignInMethod method, String provider, Instant at) implements AuditedEvent {
    }

    /**
     * A refused OIDC sign-in: the provider vouched for someone Banso does not let in (no linked or matching account,
     * disabled account, unverified e-mail). The subject only as a digest, never the e-mail.
     */
    public record OidcSignInRefused(String provider, String subjectDigest, String reason, Instant at)
            implements AuditedEvent {
    }

    public record OidcLinked(UserId user, String provider, String subjectDigest, String how, UserId by, Instant at)
            implements AuditedEvent {
    }

    public record OidcUnlinked(UserId user, String provider, UserId by, Instant at) implements AuditedEvent {
    }

    public record SecondFactorPassed(UserId user, SignInMethod method, FactorPurpose purpose, Instant at)
            implements AuditedEvent {
    }

    public record SecondFactorFailed(UserId user, SignInMethod method, boolean locked, Instant at)
            implements AuditedEvent {
    }

    public record TotpEnrolled(UserId user, Instant at) implements AuditedEvent {
    }

    public record TotpRemoved(UserId user, UserId by, Instant at) implements AuditedEvent {
    }

    /** A new set of recovery codes (the old ones no longer work); how many, never the codes. */
    public record RecoveryCodesGenerated(UserId user, int count, Instant at) implements AuditedEvent {
    }

    public record PasskeyRegistered(UserId user, String credentialDigest, Instant at) implements AuditedEvent {
    }

    public record PasskeyRevoked(UserId user, String credentialDigest, UserId by, Instant at) implements AuditedEvent {
    }

    /**
     * Page sessions ended by their owner: one, or all of them ("sign out everywhere"; after a password change, all
     * but the session that changed it).
     */
    public record SessionsEnded(UserId user, int count, boolean everywhere, Instant at) implements AuditedEvent {
    }

    public record ServiceTokenIssued(java.util.UUID tokenId, UserId user, String scope, Instant expiresAt, UserId by,
                                     Instant at) implements AuditedEvent {
    }
}
