package org.banso.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Overload is refused at once, never queued into time-outs (issue #13): beyond {@code banso.web.max-concurrent-requests}
 * a request gets {@code 503 service-unavailable} with {@code Retry-After} as problem+json, while signing in and the
 * health probe still get through on their reserved share.
 */
@BansoIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "banso.web.max-concurrent-requests=3",
        "banso.web.reserved-for-sign-in=2",
        "banso.web.retry-after=2s"})
class RequestAdmissionTest {

    @Autowired
    RequestAdmission admission;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void whenTheGeneralShareIsTakenOtherRequestsAreRefusedAtOnceButSignInAndHealthGetThrough() throws Exception {
        admission.general().acquire(3);
        try {
            HttpResponse<String> refused = send(get("/api/v1/technologies"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("\"type\":\"/problems/service-unavailable\"").contains("\"status\":503");
            assertThat(send(get("/")).statusCode()).as("a page too").isEqualTo(503);

            assertThat(send(signIn()).statusCode()).as("signing in uses the reserved share").isEqualTo(200);
            assertThat(send(get("/actuator/health")).statusCode()).isEqualTo(200);
            assertThat(send(get("/login")).statusCode()).as("the sign-in page").isEqualTo(200);
            assertThat(send(get("/css/banso.css")).statusCode()).as("static resources need no permit")
                    .isEqualTo(200);
        } finally {
            admission.general().release(3);
        }
        assertThat(send(get("/api/v1/technologies")).statusCode()).as("served again once permits are free")
                .isEqualTo(200);
    }

    @Test
    void aRefusalIsAProblemInTheLanguageAskedOnTheApiAndAPageInThePagesLanguageForPeople() throws Exception { // #17
        admission.general().acquire(3);
        try {
            HttpResponse<String> ja = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/technologies")).header("Accept-Language", "ja").timeout(Duration.ofSeconds(10)).build());
            assertThat(ja.statusCode()).isEqualTo(503);
            assertThat(ja.body()).contains("\"type\":\"/problems/service-unavailable\"",
                    "ただいま混み合っています。しばらくしてからお試しください。");
            for (String lang : new String[] {"ja", "en"}) {
                HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/councils")).header("Accept", "text/html,application/xhtml+xml")
                        .header("Cookie", "banso-lang=" + lang).timeout(Duration.ofSeconds(10)).build());
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).hasValue("2");
                assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/html"));
                assertThat(page.body()).contains("<html lang=\"" + lang + "\">", "href=\"/councils\"")
                        .contains("ja".equals(lang) ? "ただいま混み合っています" : "Banso is busy at the moment")
                        .contains("ja".equals(lang) ? "2秒ほど待って" : "about 2 seconds");
            }
        } finally {
            admission.general().release(3);
        }
    }

    @Test
    void aFloodGetsQuickRefusalsNeverTimeOutsOrServerErrorsWhileSigningInStillWorks() throws Exception {
        ExecutorService flood = Executors.newFixedThreadPool(40);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Long> refusalMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<?>> clients = new ArrayList<>();
        List<Long> signInMillis = new ArrayList<>();
        List<Integer> signInStatuses = new ArrayList<>();
        long refusedBefore = admission.refused();
        try {
            for (int c = 0; c < 40; c++) {
                clients.add(flood.submit(() -> {
                    for (int n = 0; n < 400 && running.get(); n++) {
                        long started = System.nanoTime();
                        HttpResponse<String> response = send(get("/api/v1/search?q=量子技術"));
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                        if (response.statusCode() == 503) {
                            refusalMillis.add((System.nanoTime() - started) / 1_000_000);
                            assertThat(response.headers().firstValue("Retry-After")).isPresent();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(1500);
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                signInStatuses.add(send(signIn()).statusCode());
                signInMillis.add((System.nanoTime() - started) / 1_000_000);
            }
        } finally {
            running.set(false);
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS); // a client whose request timed out fails here
            }
            flood.shutdownNow();
        }
        Collections.sort(refusalMillis);
        System.out.printf("flood: statuses %s; refusals p50 %d ms, p99 %d ms; sign-ins %s ms%n", statuses,
                percentile(refusalMillis, 50), percentile(refusalMillis, 99), signInMillis);
        assertThat(statuses.keySet()).as("only answers and refusals: %s", statuses).containsOnly(200, 503);
        assertThat(statuses.get(503)).as("the flood was refused in part").isPositive();
        assertThat(admission.refused() - refusedBefore).isEqualTo(statuses.get(503).longValue());
        assertThat(signInStatuses).as("every sign-in during the flood succeeded").containsOnly(200);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("no answer to " + request.uri() + ": " + e, e);
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path.replace("量子技術",
                        "%E9%87%8F%E5%AD%90%E6%8A%80%E8%A1%93")))
                .timeout(Duration.ofSeconds(20)).GET().build();
    }

    private HttpRequest signIn() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\""
                        + ApiAccounts.ADMIN_PASSWORD + "\"}")).build();
    }
}
