package org.banso.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityEvents;
import org.banso.identity.IdentityEvents.FactorPurpose;
import org.banso.identity.IdentityEvents.SignInMethod;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Signs a person in with a passkey: Spring Security's relying-party operations (webauthn4j) verify the assertion —
 * signature, challenge, origin, relying party, user verification — and this provider turns the verified user entity
 * into the enabled Banso account behind it, with the passkey as a factor proved now (it counts as both factors). Used
 * in place of Spring's {@code WebAuthnAuthenticationProvider}, whose principal would not be a {@link BansoUser} and
 * whose factor time would not come from the injected clock. A passkey used by someone already signed in as the same
 * person is their second factor (or step-up), merged into the session by Spring Security's MFA support.
 */
class PasskeyAuthenticationProvider implements AuthenticationProvider {

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final PasskeyUsers users;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations relyingParty, PasskeyUsers users, Accounts accounts,
                                  ApplicationEventPublisher events, Clock clock) {
        this.relyingParty = relyingParty;
        this.users = users;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) authentication;
        PublicKeyCredentialUserEntity entity;
        try {
            entity = relyingParty.authenticate(request.getWebAuthnRequest());
        } catch (RuntimeException e) {
            throw new BadCredentialsException("The passkey was not accepted", e);
        }
        AccountStates.State account = users.account(entity.getId()).flatMap(accounts::state)
                .filter(AccountStates.State::enabled)
                .orElseThrow(() -> new BadCredentialsException("The passkey was not accepted"));
        BansoUser user = account.user();
        Instant now = clock.instant();
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        boolean alreadySignedIn = SignInFactors.user(current).map(c -> c.id().equals(user.id())).orElse(false);
        FactorPurpose purpose = SignInFactors.hasSecondFactor(current) ? FactorPurpose.STEP_UP : FactorPurpose.SIGN_IN;
        events.publishEvent(alreadySignedIn
                ? new IdentityEvents.SecondFactorPassed(user.id(), SignInMethod.PASSKEY, purpose, now)
                : new IdentityEvents.SignedIn(user.id(), SignInMethod.PASSKEY, null, now));
        return SignInFactors.authentication(user, List.of(SignInFactors.factor(SignInFactors.PASSKEY, now)),
                new SessionStamp(account.credentialsVersion()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }
}
