package org.banso.identity.internal;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityEvents.SignInMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps {@link SessionRecords} in step with page sessions: a sign-in (password, OIDC or passkey — every filter that
 * opens a session calls the session strategy) opens a record, or — a passkey used by the session's own person — adds
 * it as the second factor; and on every request a session whose record was ended (sign out everywhere, or one
 * session ended from the account page) is invalidated and sent to the login page; signing out ends the session's
 * record, so that the account page no longer lists it.
 */
final class SessionRecording {

    private SessionRecording() {
    }

    static SessionAuthenticationStrategy strategy(SessionRecords records) {
        return (authentication, request, response) -> {
            BansoUser user = principal(authentication);
            if (user == null) {
                return;
            }
            HttpSession session = request.getSession();
            Object existing = session.getAttribute(SessionRecords.ATTRIBUTE);
            if (existing instanceof UUID id && records.live(id, user.id())) {
                if (SignInFactors.newest(authentication).map(SignInFactors.PASSKEY::equals).orElse(false)) {
                    records.secondFactor(id, user.id(), SignInMethod.PASSKEY);
                }
                return;
            }
            SignInMethod method;
            String provider = null;
            if (authentication instanceof OAuth2AuthenticationToken oidc) {
                method = SignInMethod.OIDC;
                provider = oidc.getAuthorizedClientRegistrationId();
            } else {
                method = SignInFactors.newest(authentication).map(SignInFactors.PASSKEY::equals).orElse(false)
                        ? SignInMethod.PASSKEY : SignInMethod.PASSWORD;
            }
            session.setAttribute(SessionRecords.ATTRIBUTE, records.open(user.id(), method, provider,
                    SessionRecords.device(request.getHeader(HttpHeaders.USER_AGENT))));
        };
    }

    /** Ends, at its next request, a session whose record was ended. */
    static OncePerRequestFilter filter(SessionRecords records) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                Object id = session == null ? null : session.getAttribute(SessionRecords.ATTRIBUTE);
                BansoUser user = principal(SecurityContextHolder.getContext().getAuthentication());
                if (id instanceof UUID recordId && user != null && !records.live(recordId, user.id())) {
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                    response.sendRedirect(request.getContextPath() + "/login?ended");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** On sign-out: the session's record ends before the session is invalidated (and its stored row deleted). */
    static LogoutHandler endOnSignOut(SessionRecords records) {
        return (request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            BansoUser user = principal(authentication);
            if (session != null && user != null && session.getAttribute(SessionRecords.ATTRIBUTE) instanceof UUID id) {
                records.end(user.id(), id);
            }
        };
    }

    private static BansoUser principal(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        if (authentication.getPrincipal() instanceof BansoUser user) {
            return user;
        }
        if (authentication.getPrincipal() instanceof OidcSignIn.LinkedUser linked) {
            return linked.account();
        }
        return null;
    }
}
