package org.banso.identity;

import java.time.Instant;
import java.util.Set;

/**
 * What the identity module tells the others (the audit log above all). No event carries a password, a token or
 * its hash.
 */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    public record OrganizationRegistered(OrganizationId organization, UserId by, Instant at) {
    }

    public record AccountCreated(UserId user, String username, Set<Role> roles, UserId by, Instant at) {
    }

    public record RolesChanged(UserId user, Set<Role> roles, UserId by, Instant at) {
    }

    public record AccountEnabledChanged(UserId user, boolean enabled, UserId by, Instant at) {
    }

    /** A successful sign-in, on a page ({@code channel = "page"}) or for a token ({@code "api"}). */
    public record LoginSucceeded(UserId user, String channel, Instant at) {
    }

    /** A failed sign-in. The username is as typed, so that an auditor can see guessing; no password. */
    public record LoginFailed(String username, String channel, boolean locked, Instant at) {
    }

    public record ApiTokenIssued(java.util.UUID tokenId, UserId user, Instant expiresAt, Instant at) {
    }

    public record ApiTokenRevoked(java.util.UUID tokenId, UserId user, UserId by, Instant at) {
    }
}
