package org.banso.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenLifetime      how long an API token stays valid
 * @param maxFailedLogins    consecutive failures after which a username is locked
 * @param lockDuration       how long a locked username stays locked
 * @param minPasswordLength  shortest password accepted for a new account
 * @param adminPassword      the first administrator's password ({@code BANSO_ADMIN_PASSWORD}); generated when empty
 */
@ConfigurationProperties("banso.identity")
record IdentityProperties(
        @DefaultValue("8h") Duration tokenLifetime,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("12") int minPasswordLength,
        @DefaultValue("") String adminPassword) {
}
