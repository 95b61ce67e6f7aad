package org.banso.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.banso.identity.BansoUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The Banso side of Spring Security's {@code oauth2Login} (authorization code with PKCE; the ID token's signature,
 * issuer, audience, expiry and nonce are checked by Spring Security before this runs): the identity the provider
 * vouched for is let in only as its linked, enabled Banso account ({@link OidcLinks}), and the session then holds
 * that account — a {@link BansoUser} with Banso's roles — with the provider's sign-in as its first factor.
 */
final class OidcSignIn {

    /** Error code of a refused sign-in; the login page says only that no account is linked to that identity. */
    static final String REFUSED = "banso_account_not_linked";

    private OidcSignIn() {
    }

    /** The provider's user, carrying the Banso account it was let in as (lives only during the sign-in request). */
    static final class LinkedUser extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;

        private final BansoUser account;

        LinkedUser(OidcUser user, BansoUser account) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.account = account;
        }

        BansoUser account() {
            return account;
        }
    }

    /** Loads the provider's user (the UserInfo endpoint when there is one) and links it, or refuses the sign-in. */
    static OAuth2UserService<OidcUserRequest, OidcUser> userService(OidcLinks links) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            Boolean verified = user.getEmailVerified();
            OidcLinks.Decision decision = links.signIn(new OidcLinks.Identity(
                    request.getClientRegistration().getRegistrationId(), user.getIssuer().toString(),
                    user.getSubject(), user.getEmail(), Boolean.TRUE.equals(verified)));
            if (decision instanceof OidcLinks.Admitted admitted) {
                return new LinkedUser(user, admitted.user());
            }
            throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED,
                    "No Banso account is linked to this identity", null));
        };
    }

    /** Puts the Banso account in the session in place of the provider's user, then goes where the person wanted. */
    static AuthenticationSuccessHandler successHandler(SecurityContextRepository contexts, Accounts accounts,
                                                       AuthenticationSuccessHandler then, Clock clock) {
        return new AuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException, ServletException {
                BansoUser account = ((LinkedUser) authentication.getPrincipal()).account();
                // stamped like a password sign-in, so that the session follows the account; an account gone
                // since the link was checked gets a stamp no account has, which ends the session at its next request
                int credentialsVersion = accounts.state(account.id()).map(AccountStates.State::credentialsVersion)
                        .orElse(-1);
                Authentication banso = SignInFactors.authentication(account,
                        List.of(SignInFactors.factor(SignInFactors.OIDC, clock.instant())),
                        new SessionStamp(credentialsVersion));
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(banso);
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
                then.onAuthenticationSuccess(request, response, banso);
            }
        };
    }
}
