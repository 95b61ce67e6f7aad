package org.banso.web.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A node warms its hot paths before it reports ready (issue #19), as a node joining a load balancer should: Spring
 * Boot turns readiness ({@code /actuator/health/readiness}) to accepting traffic only after every
 * {@link ApplicationRunner} has run, and this one runs last. Until then the balancer sends nothing, so the first people
 * never meet a JVM that still interprets bcrypt and compiles the filter chains and the templates while they wait.
 * <p>
 * What it runs: password checks through the application's own encoder (bcrypt at its configured cost — the cost is
 * never lowered for this), and requests to this node over loopback through the whole chain (admission, security, the
 * page and API filter chains, Thymeleaf with the layout in Japanese and English, problem answers) — only pages anyone
 * may see, so no account, no sign-in attempt and no change of data. Bounded by {@code banso.web.warm-up} in time and
 * by {@link #ROUNDS} in count; a failure is logged and the node starts anyway (warming is an optimisation, never a
 * condition of serving).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class WarmUp implements ApplicationRunner {

    /**
     * Rounds of the requests below: enough for the JIT to compile what they share with people's requests (it compiles
     * a method after some thousands of calls, counted across all callers), few enough that a start stays short.
     */
    static final int ROUNDS = 40;
    /** bcrypt checks per round: fewer, they cost ~70–300 ms each. */
    private static final int PASSWORD_CHECK_EVERY = 4;
    private static final List<String> PAGES = List.of("/login", "/");
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final WebProperties properties;
    private final PasswordEncoder passwords;
    private final Environment environment;
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    WarmUp(WebProperties properties, PasswordEncoder passwords, Environment environment) {
        this.properties = properties;
        this.passwords = passwords;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        Duration budget = properties.warmUp();
        if (budget.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        String port = environment.getProperty("local.server.port");
        String hash = passwords.encode(UUID.randomUUID().toString());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            while (rounds.get() < ROUNDS && System.nanoTime() < deadline) {
                if (rounds.get() % PASSWORD_CHECK_EVERY == 0) {
                    passwords.matches("warm-up", hash);
                }
                if (port != null) {
                    failures.addAndGet(requests(http, Integer.parseInt(port), deadline));
                }
                rounds.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Warmed up before reporting ready: {} rounds in at most {} ({} requests failed)", rounds.get(),
                budget, failures.get());
    }

    private int requests(HttpClient http, int port, long deadline) throws InterruptedException {
        String host = environment.getProperty("server.address", "127.0.0.1");
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            host = "127.0.0.1";
        }
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        int failures = 0;
        for (String language : List.of("ja", "en")) {
            for (String page : PAGES) {
                failures += get(http, base + page, "text/html", language, deadline);
            }
            // an API request without a token: the API chain and a problem answer in the language asked
            failures += get(http, base + "/api/v1/technologies", "application/json", language, deadline);
        }
        return failures;
    }

    private static int get(HttpClient http, String url, String accept, String language, long deadline)
            throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return 0;
        }
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                            .header("Accept-Language", language).header("Cookie", "banso-lang=" + language)
                            .timeout(Duration.ofNanos(left)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() >= 500 ? 1 : 0;
        } catch (java.net.http.HttpTimeoutException e) {
            // cut off by the warm-up's own deadline: the budget ended, the node did not fail
            return System.nanoTime() - deadline >= 0 ? 0 : 1;
        } catch (java.io.IOException e) {
            return 1;
        }
    }

    /** Rounds run since start (tests). */
    int rounds() {
        return rounds.get();
    }

    /** Warm-up requests that failed or were answered with a server error (tests). */
    int failures() {
        return failures.get();
    }
}
