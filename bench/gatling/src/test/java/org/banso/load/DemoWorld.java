package org.banso.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data the simulations need, found and made through the REST API before the load starts (the demo profile's
 * council, its participants and items), plus one item under a DOWNLOAD_TRACED designation adopted by every
 * participant, so that downloads produce per-recipient fingerprinted copies. Plain JDK HTTP and regular expressions:
 * the load project has no JSON library of its own.
 */
final class DemoWorld {

    static final String BASE = System.getProperty("banso.url", "http://127.0.0.1:8080");
    static final String PASSWORD = System.getProperty("banso.password", "banso-demo-2026");
    /** Representatives of the demo council's participants: each answers every proposal once. */
    static final List<String> REPRESENTATIVES = List.of("meti", "researcher", "startup", "analyst");

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static volatile DemoWorld world;

    final String council;
    final List<String> items;
    final String tracedItem;
    /** Proposals each representative has yet to answer, filled as officials propose during the run. */
    final Map<String, ConcurrentLinkedQueue<String>> toAnswer = new ConcurrentHashMap<>();

    private DemoWorld(String council, List<String> items, String tracedItem) {
        this.council = council;
        this.items = items;
        this.tracedItem = tracedItem;
        REPRESENTATIVES.forEach(r -> toAnswer.put(r, new ConcurrentLinkedQueue<>()));
    }

    static DemoWorld get() {
        if (world == null) {
            synchronized (DemoWorld.class) {
                if (world == null) {
                    world = prepare();
                }
            }
        }
        return world;
    }

    void proposed(String proposal) {
        REPRESENTATIVES.stream().filter(r -> !r.equals("meti")).forEach(r -> toAnswer.get(r).add(proposal));
    }

    private static DemoWorld prepare() {
        try {
            HttpClient http = HttpClient.newHttpClient();
            String meti = token(http, "meti");
            String startup = token(http, "startup");
            String councils = call(http, "GET", "/api/v1/councils", meti, null, 200);
            Matcher first = ID.matcher(councils);
            if (!first.find()) {
                throw new IllegalStateException("No council: start Banso with the demo profile");
            }
            String council = first.group(1);
            List<String> items = ids(call(http, "GET", "/api/v1/councils/" + council + "/items", startup, null, 200));
            String traced = upload(http, startup, council);
            String view = call(http, "GET", "/api/v1/councils/" + council, meti, null, 200);
            List<String> participants = new ArrayList<>();
            // a participant is the object whose id is followed by its organizationId (API.md's field order)
            Matcher pid = Pattern.compile("\\{\\s*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"\\s*,\\s*\"organizationId\"")
                    .matcher(view);
            while (pid.find()) {
                participants.add(pid.group(1));
            }
            Instant now = Instant.now();
            String rationale = "負荷試験のための指定。社会実装、技術流出の防止、イノベーション、参加の誘因を考慮した。";
            String proposal = call(http, "POST", "/api/v1/councils/" + council + "/proposals", meti, """
                    {"matter":"INFORMATION_MANAGEMENT","title":"負荷試験の管理指定","body":"追跡付きダウンロードとする。",
                     "designation":{"itemIds":["%s"],"scopeParticipantIds":[%s],"periodStart":"%s","periodEnd":"%s",
                       "handling":"DOWNLOAD_TRACED","afterPeriod":"COUNCIL",
                       "rationale":{"socialImplementation":"%s","leakagePrevention":"%s","innovation":"%s",
                                    "participationIncentive":"%s"}}}"""
                    .formatted(traced, String.join(",", participants.stream().map(x -> "\"" + x + "\"").toList()),
                            now.minusSeconds(60), now.plus(Duration.ofDays(30)), rationale, rationale, rationale,
                            rationale), 201);
            String proposalId = firstId(proposal);
            for (String representative : REPRESENTATIVES) {
                call(http, "POST", "/api/v1/proposals/" + proposalId + "/responses", token(http, representative),
                        "{\"response\":\"CONSENT\"}", 200);
            }
            List<String> all = new ArrayList<>(items);
            all.add(traced);
            System.out.printf("Load world: council %s, %d items, traced item %s%n", council, all.size(), traced);
            return new DemoWorld(council, List.copyOf(all), traced);
        } catch (Exception e) {
            throw new IllegalStateException("Could not prepare the load world at " + BASE + ": " + e.getMessage(), e);
        }
    }

    static String token(HttpClient http, String username) throws Exception {
        String body = call(http, "POST", "/api/v1/auth/token", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", 200);
        Matcher m = TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token for " + username);
        }
        return m.group(1);
    }

    private static String upload(HttpClient http, String token, String council) throws Exception {
        String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
        String text = "負荷試験用の追跡付き資料。量子センサの測定条件と結果の要約。\n".repeat(40);
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"meta\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"title\":\"負荷試験 追跡資料\",\"category\":\"SAMPLING_DATA\"}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"traced.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/councils/"
                        + council + "/items")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload: " + response.statusCode() + " " + response.body());
        }
        return firstId(response.body());
    }

    private static String call(HttpClient http, String method, String path, String token, String json, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    private static String firstId(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    private static List<String> ids(String json) {
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(json);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
