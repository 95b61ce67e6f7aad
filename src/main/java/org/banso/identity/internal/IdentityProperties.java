package org.banso.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenLifetime      how long an API token stays valid
 * @param maxFailedLogins    consecutive failures after which a username is locked
 * @param lockDuration       how long a locked username stays locked
 * @param minPasswordLength  shortest password accepted for a new account
 * @param adminPassword      the first administrator's password ({@code BANSO_ADMIN_PASSWORD}); generated when empty
 * @param secondFactor       {@code required}: the accounts that need a second factor (government roles, ADMIN,
 *                           AUDITOR, participants of a council with a designation) must pass one to sign in, and
 *                           controlled content asks everyone for a fresh one; {@code optional} (the demo and test
 *                           harnesses): nobody is made to enrol, and only people who enrolled are asked
 * @param stepUpWindow       how recent a second factor must be to open, view or download controlled content
 * @param maxFailedCodes     consecutive wrong second-factor codes after which an account's codes are refused
 * @param codeLockDuration   how long they stay refused
 * @param serviceTokenMaxLifetime the longest lifetime an ADMIN may give a service token
 * @param sessionSeenInterval how often a page session's "last seen" time is written (at most once per interval)
 * @param passkeys           the WebAuthn relying party
 * @param oidc               per OIDC registration id (as under {@code spring.security.oauth2.client.registration}):
 *                           which e-mail domains a first link may match
 */
@ConfigurationProperties("banso.identity")
record IdentityProperties(
        @DefaultValue("8h") Duration tokenLifetime,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("12") int minPasswordLength,
        @DefaultValue("") String adminPassword,
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
