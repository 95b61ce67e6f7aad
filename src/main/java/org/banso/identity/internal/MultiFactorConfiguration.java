package org.banso.identity.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;

/**
 * Spring Security 7's multi-factor support: every authentication filter merges a new factor into the session's
 * authentication when the same person is already signed in, instead of replacing it. Which factors a request needs
 * is decided per account by {@link SecondFactorGate}, so no factor is required globally here.
 */
@Configuration(proxyBeanMethods = false)
@EnableMultiFactorAuthentication(authorities = {})
class MultiFactorConfiguration {
}
