package org.banso.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Raises the arrival rate of searches (open model, no pauses) from 5 to {@code banso.maxRate} per second (default 400)
 * over {@code banso.rampSeconds} (default 120) until the node refuses (issue #13): every answer must be 200 or a
 * refusal (503 or 429), none a time-out (Gatling's request time-out is 10 s, see gatling.conf) or another error.
 * A person signing in every 2 s meanwhile must succeed. The refusals' own latencies are printed at the end.
 */
public class StressSimulation extends Simulation {

    private static final int MAX_RATE = Integer.getInteger("banso.maxRate", 400);
    private static final Duration RAMP = Duration.ofSeconds(Integer.getInteger("banso.rampSeconds", 120));
    private static final List<Integer> refusals = Collections.synchronizedList(new ArrayList<>());
    private static final List<Integer> signIns = Collections.synchronizedList(new ArrayList<>());

    /**
     * Static, so that it exists before the scenarios below are built: they are field initialisers, which run before a
     * constructor's body (an instance field set there was still null in them, and every search went out unsigned).
     */
    private static final String TOKEN = startupToken();

    private static String startupToken() {
        try {
            return DemoWorld.token(java.net.http.HttpClient.newHttpClient(), "startup");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final ScenarioBuilder flood = scenario("search flood").exec(http("search (flood)").get("/api/v1/search")
            .queryParam("q", "量子").header("Authorization", "Bearer " + tokenValue())
            .check(status().in(200, 429, 503).saveAs("status"), responseTimeInMillis().saveAs("millis")))
            .exec(session -> {
                if (session.contains("status") && session.getInt("status") != 200) {
                    refusals.add(session.getInt("millis"));
                }
                return session;
            });

    private final ScenarioBuilder signIn = scenario("sign in during the flood").exec(http("sign in (flood)")
            .post("/api/v1/auth/token").asJson()
            .body(StringBody("{\"username\":\"researcher\",\"password\":\"" + DemoWorld.PASSWORD + "\"}"))
            .check(status().is(200), jsonPath("$.token").exists(), responseTimeInMillis().saveAs("millis")))
            .exec(session -> {
                if (session.contains("millis")) {
                    signIns.add(session.getInt("millis"));
                }
                return session;
            });

    private static String tokenValue() {
        return TOKEN;
    }

    {
        setUp(flood.injectOpen(rampUsersPerSec(5).to(MAX_RATE).during(RAMP),
                        constantUsersPerSec(MAX_RATE).during(Duration.ofSeconds(20))),
                signIn.injectOpen(constantUsersPerSec(0.5).during(RAMP.plusSeconds(20))))
                .protocols(http.baseUrl(DemoWorld.BASE).userAgentHeader("banso-load/stress"))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        report("refusals (503/429)", refusals);
        report("sign-ins during the flood", signIns);
    }

    private static void report(String what, List<Integer> millis) {
        List<Integer> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(what + ": none");
            return;
        }
        System.out.printf("%s: %d, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", what, sorted.size(),
                at(sorted, 50), at(sorted, 95), at(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static int at(List<Integer> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
