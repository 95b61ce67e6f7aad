package org.banso.identity.internal;

import org.banso.identity.BansoUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The login page's check (also {@code HttpServletRequest.login}), done by the same {@link Authenticator} as the token
 * endpoint. The authentication it answers carries a {@link SessionStamp} as its details.
 */
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final Authenticator authenticator;

    PasswordAuthenticationProvider(Authenticator authenticator) {
        this.authenticator = authenticator;
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
        return authenticated(signedIn.user(), signedIn.credentialsVersion());
    }

    /** A page authentication for {@code user}, stamped with the credentials version it signed in under. */
    static UsernamePasswordAuthenticationToken authenticated(BansoUser user, int credentialsVersion) {
        var authorities = user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var token = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        token.setDetails(new SessionStamp(credentialsVersion));
        return token;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
