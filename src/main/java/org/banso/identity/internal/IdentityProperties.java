package org.banso.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenLifetime          how long an API token stays valid
 * @param minPasswordLength      shortest password accepted for a new account or a password change
 * @param minPasswordEntropy     bits of entropy (nbvcxz's estimate: dictionaries of common passwords, words and names,
 *                               keyboard patterns, repeats, dates) a new password must reach
 * @param adminPassword          the first administrator's password ({@code BANSO_ADMIN_PASSWORD}); generated when empty
 * @param accountStateCacheSize  accounts whose state (enabled, roles, credentials version) page sessions check against
 *                               without a query; every change forgets its account at once and after its transaction
 * @param accountStateCacheTtl   safety net for that cache: the longest a state is kept without being re-read
 * @param throttle               sign-in throttling
 */
@ConfigurationProperties("banso.identity")
record IdentityProperties(
        @DefaultValue("8h") Duration tokenLifetime,
        @DefaultValue("12") int minPasswordLength,
        @DefaultValue("35") double minPasswordEntropy,
        @DefaultValue("") String adminPassword,
        @DefaultValue("50000") int accountStateCacheSize,
        @DefaultValue("30s") Duration accountStateCacheTtl,
        @DefaultValue Throttle throttle) {

    /**
     * Sign-in throttling (per node, in memory).
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
     * @param maxTrackedKeys         most sources, usernames and pairs kept in memory (least recently used go first)
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
            @DefaultValue("100000") int maxTrackedKeys) {
    }
}
