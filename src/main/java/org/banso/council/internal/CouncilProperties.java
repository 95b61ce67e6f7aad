package org.banso.council.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param invitationLifetime   how long an invitation link stays valid when the inviter does not choose (R13)
 * @param invitationMaxLifetime the latest expiry an inviter may choose, from now (issue 16)
 * @param invitationRegistrationAttempts refused registrations after which an invitation link is used up (R13), so
 *                             that one link cannot probe usernames and corporate numbers without limit
 * @param membershipCacheSize  how many councils' memberships are kept in memory
 * @param membershipCacheTtl   a safety net only: every change invalidates its council at once
 */
@ConfigurationProperties("banso.council")
record CouncilProperties(
        @DefaultValue("14d") Duration invitationLifetime,
        @DefaultValue("5") int invitationRegistrationAttempts,
        @DefaultValue("20000") long membershipCacheSize,
        @DefaultValue("10m") Duration membershipCacheTtl,
        @DefaultValue("90d") Duration invitationMaxLifetime) {
}
