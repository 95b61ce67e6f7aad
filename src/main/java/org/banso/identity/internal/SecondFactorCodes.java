package org.banso.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityEvents.FactorPurpose;
import org.banso.identity.IdentityEvents.SignInMethod;
import org.banso.identity.UserView;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The second step of a sign-in, and step-up, with a typed code (authenticator app or recovery code): a Spring
 * Security {@link AuthenticationFilter} on {@code POST /login/second-factor} with MFA enabled, so that the factor it
 * proves is merged into the session's authentication beside the first one. Only a session already signed in can use
 * it; the code is checked by {@link SecondFactors} (throttled, audited).
 */
final class SecondFactorCodes {

    static final String PATH = "/login/second-factor";

    private SecondFactorCodes() {
    }

    /** A typed code for the signed-in person, not yet checked. */
    static final class CodeToken extends AbstractAuthenticationToken {

        private static final long serialVersionUID = 1L;

        private final transient BansoUser user;
        private final transient String code;
        private final FactorPurpose purpose;

        CodeToken(BansoUser user, String code, FactorPurpose purpose) {
            super(List.of());
            this.user = user;
            this.code = code;
            this.purpose = purpose;
        }

        @Override
        public Object getCredentials() {
            return code;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }
    }

    static AuthenticationFilter filter(SecondFactors factors, Accounts accounts, SessionRecords sessions,
                                       SecurityContextRepository contexts, AuthenticationSuccessHandler then,
                                       Clock clock) {
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(provider(factors, accounts, clock)),
                request -> {
                    Authentication current = SecurityContextHolder.getContext().getAuthentication();
                    return SignInFactors.user(current).map(user -> (Authentication) new CodeToken(user,
                            request.getParameter("code"), SignInFactors.hasSecondFactor(current)
                                    ? FactorPurpose.STEP_UP : FactorPurpose.SIGN_IN)).orElse(null);
                });
        filter.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH));
        filter.setMfaEnabled(true);
        filter.setSecurityContextRepository(contexts);
        filter.setSuccessHandler((request, response, authentication) -> {
            recordInSession(request, sessions, authentication);
            then.onAuthenticationSuccess(request, response, authentication);
        });
        filter.setFailureHandler((request, response, e) -> response.sendRedirect(request.getContextPath() + PATH
                + (e instanceof LockedException ? "?locked" : "?error")));
        return filter;
    }

    private static AuthenticationProvider provider(SecondFactors factors, Accounts accounts, Clock clock) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                CodeToken token = (CodeToken) authentication;
                UserView account = accounts.byId(token.user.id()).filter(UserView::enabled)
                        .orElseThrow(() -> new BadCredentialsException("The account is not enabled"));
                SecondFactors.Outcome outcome = factors.verify(account.id(), token.code, token.purpose);
                if (outcome instanceof SecondFactors.Passed passed) {
                    String factor = passed.method() == SignInMethod.RECOVERY_CODE ? SignInFactors.RECOVERY_CODE
                            : SignInFactors.TOTP;
                    // the session's stamp goes on; Spring's MFA merge adds the first factor beside this one
                    return SignInFactors.authentication(account.asPrincipal(),
                            List.of(SignInFactors.factor(factor, clock.instant())),
                            SignInFactors.stamp(SecurityContextHolder.getContext().getAuthentication()));
                }
                if (outcome instanceof SecondFactors.Locked || outcome instanceof SecondFactors.Wrong w && w.nowLocked()) {
                    throw new LockedException("Too many wrong codes");
                }
                throw new BadCredentialsException("The code is not correct");
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return CodeToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private static void recordInSession(HttpServletRequest request, SessionRecords sessions,
                                        Authentication authentication) {
        var session = request.getSession(false);
        Object id = session == null ? null : session.getAttribute(SessionRecords.ATTRIBUTE);
        BansoUser user = (BansoUser) authentication.getPrincipal();
        // the factor just proved is the newest one
        boolean recovery = SignInFactors.newest(authentication).map(SignInFactors.RECOVERY_CODE::equals).orElse(false);
        if (id instanceof UUID recordId) {
            sessions.secondFactor(recordId, user.id(), recovery ? SignInMethod.RECOVERY_CODE : SignInMethod.TOTP);
        }
    }

}
