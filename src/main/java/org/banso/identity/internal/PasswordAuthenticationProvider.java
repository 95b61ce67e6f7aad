package org.banso.identity.internal;

import org.banso.identity.BansoUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The login page's check, done by the same {@link Authenticator} as the token endpoint. */
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final Authenticator authenticator;

    PasswordAuthenticationProvider(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        BansoUser user = authenticator.authenticate(username, credentials == null ? "" : credentials.toString(),
                        "page")
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        var authorities = user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
