package org.banso.identity.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The login page's check (also {@code HttpServletRequest.login}), done by the same {@link Authenticator} as the token
 * endpoint. The authentication it answers carries a {@link SessionStamp} as its details and the password as its first
 * factor ({@link SignInFactors}).
 */
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final Authenticator authenticator;
    private final Clock clock;

    PasswordAuthenticationProvider(Authenticator authenticator, Clock clock) {
        this.authenticator = authenticator;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        Authenticator.Outcome outcome = authenticator.authenticate(username,
                credentials == null ? "" : credentials.toString(), "page", ClientAddress.current());
        if (outcome instanceof Authenticator.Outcome.Throttled throttled) {
            throw new SignInThrottledException(throttled.retryAfter());
        }
        if (!(outcome instanceof Authenticator.Outcome.SignedIn signedIn)) {
            throw new BadCredentialsException("Bad credentials");
        }
        // the password is the first factor, proved now (issue 18)
        return SignInFactors.authentication(signedIn.user(),
                List.of(SignInFactors.factor(SignInFactors.PASSWORD, clock.instant())),
                new SessionStamp(signedIn.credentialsVersion()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
