package org.banso.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.banso.identity.BansoUser;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * What "signed in" means for every request that is not public (issue 18): authenticated, and — for an account that
 * must use a second factor — having passed one. A session that has only its first factor may reach nothing but the
 * second-factor page, the enrolment of a first authenticator, and sign-out; everything else answers with a
 * {@link FactorAuthorizationDecision} naming the missing factor, which Spring Security turns into a redirect to the
 * second-factor page (pages, returning afterwards to what was asked for) or a {@code 401 second-factor-required}
 * problem (API). Service tokens are exempt: an ADMIN issued them for a narrow scope without any person's factors.
 */
@Component
class SecondFactorGate implements AuthorizationManager<RequestAuthorizationContext> {

    /** Where a session without its second factor may go (paths below the servlet context). */
    static final List<String> OPEN_BEFORE_SECOND_FACTOR = List.of("/login/second-factor", "/account/second-factor/",
            "/webauthn/authenticate/options", "/login/webauthn", "/logout", "/api/v1/auth/");

    private final SecondFactorPolicy policy;
    private final Clock clock;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    SecondFactorGate(SecondFactorPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        Authentication current = authentication.get();
        if (!trust.isAuthenticated(current)) {
            return new AuthorizationDecision(false);
        }
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/webauthn/register")) {
            // passkeys are revoked on the account page (audited), never through Spring's DELETE endpoint; adding one
            // beside existing factors needs a fresh second factor, like every change of factors
            if (HttpMethod.DELETE.matches(request.getMethod()) || !(current.getPrincipal() instanceof BansoUser)) {
                return new AuthorizationDecision(false);
            }
            return policy.mayChangeFactors(current, clock.instant()) ? new AuthorizationDecision(true)
                    : missingSecondFactor();
        }
        if (!(current.getPrincipal() instanceof BansoUser user)
                || SignInFactors.hasSecondFactor(current)
                || SignInFactors.isServiceToken(current)) {
            return new AuthorizationDecision(true);
        }
        boolean open = OPEN_BEFORE_SECOND_FACTOR.stream().anyMatch(path::startsWith);
        if (open || !policy.requires(user)) {
            return new AuthorizationDecision(true);
        }
        return missingSecondFactor();
    }

    /** Was this refusal the gate's "second factor missing"? */
    static boolean missesSecondFactor(Exception denied) {
        Throwable cause = denied;
        while (cause != null) {
            if (cause instanceof org.springframework.security.authorization.AuthorizationDeniedException d
                    && d.getAuthorizationResult() instanceof FactorAuthorizationDecision) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }

    static FactorAuthorizationDecision missingSecondFactor() {
        return new FactorAuthorizationDecision(List.of(RequiredFactorError.createMissing(
                RequiredFactor.withAuthority(SignInFactors.SECOND_FACTOR).build())));
    }
}
