package org.banso.web.internal;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.banso.shared.ProblemCode;
import org.banso.shared.Problems;
import org.banso.web.ProblemLanguage;
import org.springframework.context.MessageSource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounded request concurrency per node (issue #13). The first filter of all, before security: a request gets one of
 * {@code banso.web.max-concurrent-requests} permits, or waits for one in a short bounded queue (at most
 * {@code banso.web.admission-wait}, and only while fewer than {@code banso.web.admission-queue} others wait: issue #19,
 * a burst of a few hundred milliseconds is served rather than refused), or is answered {@code 503 service-unavailable}
 * with {@code Retry-After} — at once when the queue is full, so sustained overload ends in a quick refusal, never in a
 * time-out. Signing in ({@code POST /login}, {@code POST /api/v1/auth/token}, the sign-in page) and the health probe
 * may also take one of {@code banso.web.reserved-for-sign-in} further permits, so that a person can still sign in
 * while every other request is refused. Static resources are served without a permit (they cost next to nothing).
 * Tomcat's threads ({@code server.tomcat.threads.max}, 200) outnumber the permits and the queue together, so a
 * refusal always finds a thread. The rules of the permits are {@link AdmissionGate}'s.
 */
class RequestAdmission extends OncePerRequestFilter {

    private final AdmissionGate gate;
    private final String retryAfterSeconds;
    private final AtomicLong refused = new AtomicLong();
    private final ProblemLanguage problemLanguage;
    private final RefusalPages pages;

    RequestAdmission(WebProperties properties, ProblemLanguage problemLanguage, MessageSource messages,
                     LocaleResolver pageLanguage) {
        this.gate = new AdmissionGate(properties.effectiveMaxConcurrentRequests(), properties.reservedForSignIn(),
                properties.admissionWait(), properties.effectiveAdmissionQueue());
        this.retryAfterSeconds = Long.toString(Math.max(1, properties.retryAfter().toSeconds()));
        this.problemLanguage = problemLanguage;
        this.pages = new RefusalPages(messages, pageLanguage);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isStatic(path)) {
            chain.doFilter(request, response);
            return;
        }
        Semaphore permit;
        try {
            permit = gate.admit(isSignInOrHealth(request.getMethod(), path));
        } catch (InterruptedException e) {
            // the server is stopping: refused like overload
            Thread.currentThread().interrupt();
            permit = null;
        }
        if (permit == null) {
            refused.incrementAndGet();
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            if (RefusalPages.asksForPage(request)) {
                // a person's browser: a page in the page's language, saying when to try again
                pages.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "overload",
                        retryAfterSeconds);
            } else {
                problemLanguage.write(request, response, Problems.of(ProblemCode.SERVICE_UNAVAILABLE,
                        "Banso is serving as many requests as it can at the moment; try again after "
                                + retryAfterSeconds + " s."));
            }
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permit.release();
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // the error dispatch belongs to a request that holds its permit already
        return true;
    }

    /** Requests refused since start. */
    long refused() {
        return refused.get();
    }

    /** Permits of the general share free now (tests). */
    Semaphore general() {
        return gate.general();
    }

    static boolean isSignInOrHealth(String method, String path) {
        return ("POST".equals(method) && (path.equals("/login") || path.equals("/api/v1/auth/token")))
                || ("GET".equals(method) && (path.equals("/login") || path.startsWith("/actuator/health")));
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/images/") || path.equals("/favicon.ico");
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        RequestAdmission requestAdmission(WebProperties properties, ProblemLanguage problemLanguage,
                                          MessageSource messages, LocaleResolver localeResolver) {
            return new RequestAdmission(properties, problemLanguage, messages, localeResolver);
        }

        @Bean
        FilterRegistrationBean<RequestAdmission> requestAdmissionRegistration(RequestAdmission admission) {
            FilterRegistrationBean<RequestAdmission> registration = new FilterRegistrationBean<>(admission);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }
}
