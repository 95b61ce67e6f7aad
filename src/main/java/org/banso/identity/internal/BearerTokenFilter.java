package org.banso.identity.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests by their opaque bearer token. A request without an Authorization header goes on as
 * anonymous (public endpoints answer it); a request with a bad one is answered 401 at once, never downgraded. The
 * authentication carries what the token proves as factors (the bearer token itself; a second factor with the instant
 * its holder passed it), and a service token's scope, outside which it is answered 403.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final AccessDeniedHandler deniedHandler;

    BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint, AccessDeniedHandler deniedHandler) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
        this.deniedHandler = deniedHandler;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.TokenFacts> facts = header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? tokens.facts(header.substring(SCHEME.length()).strip())
                : Optional.empty();
        if (facts.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response,
                    new InsufficientAuthenticationException("The bearer token is not valid."));
            return;
        }
        ApiTokens.TokenFacts token = facts.get();
        List<GrantedAuthority> factors = new ArrayList<>();
        factors.add(SignInFactors.factor(SignInFactors.BEARER, token.issuedAt()));
        if (token.secondFactorAt() != null) {
            factors.add(SignInFactors.factor(SignInFactors.TOTP, token.secondFactorAt()));
        }
        if (token.scope() != null) {
            factors.add(new SimpleGrantedAuthority(token.scope().authority()));
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!token.scope().permits(request.getMethod(), path)) {
                SecurityContextHolder.clearContext();
                deniedHandler.handle(request, response,
                        new AccessDeniedException("Outside the service token's scope " + token.scope()));
                return;
            }
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SignInFactors.authentication(token.user(), factors));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
