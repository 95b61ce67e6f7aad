package org.banso.identity.internal;

import java.time.Clock;
import java.util.List;

import org.banso.identity.BansoUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The login page's check, done by the same {@link Authenticator} as the token endpoint. */
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
        BansoUser user = authenticator.authenticate(username, credentials == null ? "" : credentials.toString(),
                        "page")
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        // the password is the first factor, proved now (issue 18)
        return SignInFactors.authentication(user, List.of(SignInFactors.factor(SignInFactors.PASSWORD,
                clock.instant())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
