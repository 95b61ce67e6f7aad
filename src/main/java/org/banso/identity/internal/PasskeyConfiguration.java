package org.banso.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * The relying party of every passkey ceremony as a bean, so that Spring Security's WebAuthn filters (options,
 * registration) and Banso's passkey sign-in use the same one — with user verification required.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(SignInMethods signInMethods) {
        return signInMethods.relyingParty();
    }
}
