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
}
