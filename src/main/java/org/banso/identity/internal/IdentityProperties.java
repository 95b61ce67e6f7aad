package org.banso.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenLifetime          how long an API token stays valid
 * @param minPasswordLength      shortest password accepted for a new account or a password change
 * @param passwordHashCost       bcrypt's cost factor (log2 of its rounds, 4–31) for new password hashes; every hash
 *                               keeps its own cost, so a change applies to passwords set afterwards. The test profile
 *                               lowers it: the suite hashes and checks passwords well over a thousand times
 * @param minPasswordEntropy     bits of entropy (nbvcxz's estimate: dictionaries of common passwords, words and names,
 *                               keyboard patterns, repeats, dates) a new password must reach
 * @param adminPassword          the first administrator's password ({@code BANSO_ADMIN_PASSWORD}); generated when empty
 * @param accountStateCacheSize  accounts whose state (enabled, roles, credentials version) page sessions check against
 *                               without a query; every change forgets its account at once and after its transaction
 * @param accountStateCacheTtl   safety net for that cache: the longest a state is kept without being re-read
 * @param throttle               sign-in throttling
 * @param secondFactor           {@code required}: the accounts that need a second factor (government roles, ADMIN,
 *                               AUDITOR, participants of a council with a designation) must pass one to sign in, and
 *                               controlled content asks everyone for a fresh one; {@code optional} (the demo and test
 *                               harnesses): nobody is made to enrol, and only people who enrolled are asked
 * @param stepUpWindow           how recent a second factor must be to open, view or download controlled content
 * @param maxFailedCodes         consecutive wrong second-factor codes after which an account's codes are refused
 * @param codeLockDuration       how long they stay refused
 * @param serviceTokenMaxLifetime the longest lifetime an ADMIN may give a service token
 * @param sessionSeenInterval    how often a page session's "last seen" time is written (at most once per interval)
 * @param passkeys               the WebAuthn relying party
 * @param oidc                   per OIDC registration id (as under {@code spring.security.oauth2.client.registration}):
 *                               which e-mail domains a first link may match
 */
@ConfigurationProperties("banso.identity")
record IdentityProperties(
        @DefaultValue("8h") Duration tokenLifetime,
        @DefaultValue("12") int minPasswordLength,
        @DefaultValue("35") double minPasswordEntropy,
        @DefaultValue("10") int passwordHashCost,
        @DefaultValue("") String adminPassword,
        @DefaultValue("50000") int accountStateCacheSize,
        @DefaultValue("30s") Duration accountStateCacheTtl,
        @DefaultValue Throttle throttle,
        // sign-in methods and factors (issue 18)
        @DefaultValue("required") SecondFactorMode secondFactor,
        @DefaultValue("15m") Duration stepUpWindow,
        @DefaultValue("5") int maxFailedCodes,
        @DefaultValue("15m") Duration codeLockDuration,
        @DefaultValue("90d") Duration serviceTokenMaxLifetime,
        @DefaultValue("1m") Duration sessionSeenInterval,
        @DefaultValue Passkeys passkeys,
        Map<String, OidcProvider> oidc) {

    IdentityProperties {
        oidc = oidc == null ? Map.of() : Map.copyOf(oidc);
    }

    /**
     * Sign-in throttling, counted in PostgreSQL so that every node counts the same attempts (#19).
     *
     * @param sourceFailures         failed sign-ins one source (IP address) may make per {@code sourceWindow}, over all
     *                               usernames; beyond, its attempts get 429 until the bucket refills
     * @param sourceWindow           the refill period of that bucket
     * @param freeFailures           failures of one username from one source before back-off starts
     * @param backOffBase            the first back-off; it doubles with each further failure of that pair
     * @param backOffMax             the longest back-off
     * @param accountFailures        failures of one username from all sources per {@code accountWindow}; beyond, only
     *                               sources that signed in to it successfully before (within {@code trustedFor}) may
     *                               try it, so that a distributed guesser cannot lock its owner out
     * @param accountWindow          the refill period of that bucket
     * @param trustedFor             how long a successful sign-in makes its source trusted for that username
     * @param publicPostsPerSource   anonymous public actions (invitation registration) per source per
     *                               {@code publicPostWindow}
     * @param publicPostWindow       the refill period of that bucket
     * @param pruneInterval          how often keys unused for longer than the longest window are forgotten
     */
    record Throttle(
            @DefaultValue("30") int sourceFailures,
            @DefaultValue("10m") Duration sourceWindow,
            @DefaultValue("5") int freeFailures,
            @DefaultValue("2s") Duration backOffBase,
            @DefaultValue("15m") Duration backOffMax,
            @DefaultValue("100") int accountFailures,
            @DefaultValue("1h") Duration accountWindow,
            @DefaultValue("30d") Duration trustedFor,
            @DefaultValue("20") int publicPostsPerSource,
            @DefaultValue("10m") Duration publicPostWindow,
            @DefaultValue("10m") Duration pruneInterval) {
    }

    /**
     * @param rpId           the relying party id: the host name people reach Banso by (no scheme, no port)
     * @param rpName         the name authenticators show
     * @param allowedOrigins the origins a passkey ceremony may come from; empty = {@code http://localhost:<port>} of
     *                       this server (development and tests)
     */
    record Passkeys(@DefaultValue("localhost") String rpId, @DefaultValue("Banso") String rpName,
                    @DefaultValue List<String> allowedOrigins) {
    }

    /**
     * @param emailDomains when not empty, a first link by e-mail only for addresses in these domains (the provider
     *                     vouches only for its own organisation's addresses)
     */
    record OidcProvider(@DefaultValue List<String> emailDomains) {
    }

    /** Settings of one OIDC registration; none = no restriction beyond a verified e-mail. */
    OidcProvider oidc(String registrationId) {
        return oidc.getOrDefault(registrationId, new OidcProvider(List.of()));
    }
}
