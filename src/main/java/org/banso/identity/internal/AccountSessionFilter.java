package org.banso.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.banso.identity.BansoUser;
import org.banso.web.PublicBaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Page sessions follow their account at every request: the signed-in principal is checked against the account's
 * current state ({@link AccountStates}: one cached read, forgotten on every change). A disabled or deleted account, or
 * a session that signed in before a password change, is signed out at once (its session invalidated) and sent to the
 * login page; a change of roles or name replaces the principal in the session, so a demoted administrator's old
 * session can no longer open what ADMIN may. Nothing is kept in an in-memory session registry, so this works the
 * same when sessions live in the database.
 */
class AccountSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccountSessionFilter.class);

    private final AccountStates states;
    private final SecurityContextRepository repository;
    private final PublicBaseUrl publicBaseUrl;

    AccountSessionFilter(AccountStates states, SecurityContextRepository repository, PublicBaseUrl publicBaseUrl) {
        this.states = states;
        this.repository = repository;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof BansoUser user
                && authentication.getDetails() instanceof SessionStamp stamp) {
            Optional<AccountStates.State> state = states.current(user.id());
            if (state.isEmpty() || !state.get().enabled()
                    || state.get().credentialsVersion() != stamp.credentialsVersion()) {
                end(request, response, user, state.isEmpty() || !state.get().enabled() ? "disabled"
                        : "password-changed");
                return;
            }
            if (!state.get().user().equals(user)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(SignInFactors.following(authentication, state.get().user(), stamp));
                SecurityContextHolder.setContext(context);
                repository.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void end(HttpServletRequest request, HttpServletResponse response, BansoUser user, String why)
            throws IOException {
        log.info("Ended a page session of account {}: {}", user.id().value(), why);
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String login = publicBaseUrl.resolve("/login?ended");
        if (request.getHeader("HX-Request") != null) {
            // htmx would swap the login page into a fragment: tell it to navigate instead
            response.setHeader("HX-Redirect", login);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(login);
    }
}
