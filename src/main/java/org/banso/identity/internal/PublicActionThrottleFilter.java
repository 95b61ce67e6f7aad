package org.banso.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.banso.shared.ProblemCode;
import org.banso.shared.Problems;
import org.banso.web.ProblemLanguage;
import org.banso.shared.RateLimitedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles the few actions anyone may POST without signing in (registering through an invitation, R13) per source:
 * a link cannot be used to probe usernames and corporate numbers without limit. Beyond the limit: {@code 429
 * rate-limited} with {@code Retry-After} (a problem under {@code /api/} in the language {@code Accept-Language} asks
 * for, the error page in the page's language otherwise).
 */
class PublicActionThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final RequestMatcher publicPosts;
    private final ProblemLanguage problemLanguage;

    PublicActionThrottleFilter(SignInThrottle throttle, List<String> publicPostPaths,
                               ProblemLanguage problemLanguage) {
        this.throttle = throttle;
        this.problemLanguage = problemLanguage;
        List<RequestMatcher> matchers = publicPostPaths.stream()
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults()
                        .matcher(org.springframework.http.HttpMethod.POST, p)).toList();
        this.publicPosts = matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (publicPosts.matches(request)) {
            Optional<Duration> wait = throttle.publicPost(ClientAddress.current(request));
            if (wait.isPresent()) {
                long seconds = RateLimitedException.retryAfterSeconds(wait.get());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    ProblemDetail problem = Problems.of(ProblemCode.RATE_LIMITED,
                            "Too many requests from your address. Try again later.");
                    problem.setProperty("retryAfterSeconds", seconds);
                    problem.setInstance(URI.create(request.getRequestURI()));
                    problemLanguage.write(request, response, problem);
                } else {
                    response.sendError(429);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
