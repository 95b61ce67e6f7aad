package org.banso.identity.internal;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.banso.shared.RateLimitedException;
import org.banso.web.ProblemLanguage;
import org.banso.web.PublicBaseUrl;
import org.banso.web.PublicEndpoints;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.banso.shared.ProblemCode;
import org.banso.shared.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. The API is stateless: bearer tokens only, no cookies, so no CSRF exposure. The pages use a
 * session from the login form with CSRF protection and a fresh session id at login. Both deny by default: only the
 * paths modules declare as {@link PublicEndpoints} are open without sign-in, and everything else asks the
 * {@link SecondFactorGate}. The other sign-in methods (OIDC, passkeys, the second factor) come from
 * {@link SignInMethods}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder(IdentityProperties properties) {
        // bcrypt today, with the algorithm id stored beside each hash so that a stronger one can take over later;
        // a hash with another id is still checked by Spring Security's standard set of encoders
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(properties.passwordHashCost())));
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }

    /** The only way to sign in with a password; its presence also keeps Boot from creating a default user. */
    @Bean
    PasswordAuthenticationProvider passwordAuthenticationProvider(Authenticator authenticator, Clock clock) {
        return new PasswordAuthenticationProvider(authenticator, clock);
    }

    @Bean
    PublicEndpoints identityPublicEndpoints() {
        return () -> List.of("/", "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/actuator/health",
                "/actuator/health/**");
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, List<PublicEndpoints> publicEndpoints,
                                       SignInThrottle throttle, SecondFactorGate secondFactorGate,
                                       ProblemLanguage problemLanguage)
            throws Exception {
        // written before any controller runs, worded like the controllers' problems (Accept-Language, issue 17)
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problemLanguage.write(request, response, problem(ProblemCode.UNAUTHENTICATED,
                    "Sign in: send a valid bearer token from POST /api/v1/auth/token.", request.getRequestURI()));
        };
        AccessDeniedHandler deniedHandler = (request, response, e) -> problemLanguage.write(request, response,
                SecondFactorGate.missesSecondFactor(e)
                        ? problem(ProblemCode.SECOND_FACTOR_REQUIRED, "This account must pass a second factor: "
                                + "request a token with a code (POST /api/v1/auth/token).", request.getRequestURI())
                        : problem(ProblemCode.FORBIDDEN, "Your role does not allow this request.",
                                request.getRequestURI()));
        String[] open = publicGetPaths(publicEndpoints);
        String[] openPost = publicPostPaths(publicEndpoints);
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { })
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint, deniedHandler),
                        AnonymousAuthenticationFilter.class)
                .addFilterAfter(new PublicActionThrottleFilter(throttle, List.of(openPost), problemLanguage),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers(HttpMethod.GET, open).permitAll()
                        .requestMatchers(HttpMethod.POST, openPost).permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().access(secondFactorGate))
                .headers(headers -> headers.cacheControl(cache -> { }));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageFilterChain(HttpSecurity http, List<PublicEndpoints> publicEndpoints,
                                        AccountStates states, SignInThrottle throttle, PublicBaseUrl publicBaseUrl,
                                        SecondFactorGate secondFactorGate, SignInMethods signInMethods,
                                        ProblemLanguage problemLanguage)
            throws Exception {
        String[] open = publicGetPaths(publicEndpoints);
        String[] openPost = publicPostPaths(publicEndpoints);
        RequestCache requestCache = new HttpSessionRequestCache();
        // The login form authenticates through the global manager, which holds only the password provider bean.
        // Registering the provider here as well would check every failed password twice (and count it twice).
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, open).permitAll()
                        .requestMatchers(HttpMethod.POST, openPost).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/login").permitAll()
                        .anyRequest().access(secondFactorGate))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(signedIn(requestCache, publicBaseUrl))
                        .failureHandler(SecurityConfiguration::signInFailed))
                .requestCache(cache -> cache.requestCache(requestCache))
                // the login page's address comes from the configuration, never from the request's Host header
                .exceptionHandling(ex -> ex.authenticationEntryPoint(
                        (request, response, e) -> response.sendRedirect(publicBaseUrl.resolve("/login"))))
                // every request: the session's account still enabled, its roles current, its password unchanged
                .addFilterAfter(new AccountSessionFilter(states, new HttpSessionSecurityContextRepository(),
                        publicBaseUrl), SecurityContextHolderFilter.class)
                .addFilterAfter(new PublicActionThrottleFilter(throttle, List.of(openPost), problemLanguage),
                        AnonymousAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        signInMethods.applyTo(http, signedIn(requestCache, publicBaseUrl));
        return http.build();
    }

    /**
     * After signing in: back to the page that asked for it (its path and query under the public base URL, so neither
     * the Host header nor a protocol-relative path can send the person elsewhere), else home.
     */
    static AuthenticationSuccessHandler signedIn(RequestCache requestCache, PublicBaseUrl publicBaseUrl) {
        return (request, response, authentication) -> {
            SavedRequest saved = requestCache.getRequest(request, response);
            requestCache.removeRequest(request, response);
            if (saved instanceof DefaultSavedRequest page && "GET".equals(page.getMethod())
                    && page.getRequestURI() != null && page.getRequestURI().startsWith("/")
                    && !page.getRequestURI().startsWith("//")) {
                String query = page.getQueryString() == null ? "" : "?" + page.getQueryString();
                response.sendRedirect(publicBaseUrl.resolve(page.getRequestURI() + query));
                return;
            }
            response.sendRedirect("/");
        };
    }

    /** A refused sign-in: the generic failure, or — when throttled — how many minutes to wait. */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException e) throws java.io.IOException {
        if (e instanceof SignInThrottledException throttled) {
            long seconds = RateLimitedException.retryAfterSeconds(throttled.retryAfter());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.sendRedirect("/login?throttled=" + Math.max(1, (seconds + 59) / 60));
            return;
        }
        response.sendRedirect("/login?error");
    }

    private static ProblemDetail problem(ProblemCode code, String detail, String path) {
        ProblemDetail problem = Problems.of(code, detail);
        problem.setInstance(URI.create(path));
        return problem;
    }

    private static String[] publicGetPaths(List<PublicEndpoints> publicEndpoints) {
        return publicEndpoints.stream().flatMap(p -> p.publicGetPaths().stream()).distinct().toArray(String[]::new);
    }

    private static String[] publicPostPaths(List<PublicEndpoints> publicEndpoints) {
        return publicEndpoints.stream().flatMap(p -> p.publicPostPaths().stream()).distinct().toArray(String[]::new);
    }
}
