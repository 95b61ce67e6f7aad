package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.banso.identity.IdentityManagement;
import org.banso.support.ApiAccounts;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.ConnectionsPerThread;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * No request ever needs two pooled connections at once. With a pool of only TWO connections, 50 clients at once —
 * reads that decide access and log it (R17), uploads, searches and sign-ins, over real HTTP — all complete with
 * neither a time-out nor a 5xx, no thread ever holds two connections, and every read's access decision is in the
 * audit log. Before, a read opened a second transaction for its audit record and the search listener one for
 * indexing, and ten such requests on a pool of ten stopped everything.
 */
@BansoIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=20000",
        // the request limit is not under test here: all 50 are let in, so that only the pool bounds them
        "banso.web.max-concurrent-requests=200"})
@AutoConfigureMockMvc
@Import(ConnectionsPerThread.Wrapping.class)
class PoolOfTwoConnectionsTest {

    private static final int CLIENTS = 50;

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void fiftyMixedRequestsOnAPoolOfTwoCompleteWithoutTimeOutOr5xx() throws Exception { // R17
        InformationTestSupport api = new InformationTestSupport(mvc, json, identity);
        InformationTestSupport.World world = api.world();
        String marker = "pool" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(api.upload(world.council(), world.startup(), "資料 " + marker + " " + i, "REPORT",
                    "接続の上限 " + marker + " の試験 " + i));
        }
        Person reader = world.company();
        long decisionsBefore = accessDecisions();
        ConnectionsPerThread.reset();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        List<Future<Integer>> reads = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                reads.add(clients.submit(() -> {
                    start.await();
                    int audited = 0;
                    for (int round = 0; round < 3; round++) {
                        String item = items.get((client + round) % items.size());
                        HttpRequest request = switch ((client + round) % 5) {
                            case 0 -> get("/api/v1/items/" + item, reader.token());
                            case 1 -> get("/api/v1/councils/" + world.council() + "/items", reader.token());
                            case 2 -> upload(world.council(), world.startup(), marker, client, round);
                            case 3 -> get("/api/v1/search?q=" + marker, reader.token());
                            default -> HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + reader.username()
                                            + "\",\"password\":\"" + ApiAccounts.PASSWORD + "\"}")).build();
                        };
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        statuses.merge(request.method() + " " + request.uri().getPath().replaceAll(
                                "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}") + " " + response.statusCode(), 1, Integer::sum);
                        if ((client + round) % 5 <= 1 && response.statusCode() == 200) {
                            audited++;
                        }
                    }
                    return audited;
                }));
            }
            start.countDown();
            int auditedReads = 0;
            for (Future<Integer> read : reads) {
                auditedReads += read.get(120, TimeUnit.SECONDS); // a time-out of any request fails here
            }
            assertThat(statuses.keySet()).as("every answer, by request: %s", statuses)
                    .allMatch(k -> k.endsWith(" 200") || k.endsWith(" 201"));
            assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CLIENTS * 3);
            assertThat(ConnectionsPerThread.offenders()).as("threads that held two pooled connections at once")
                    .isEmpty();
            assertThat(accessDecisions() - decisionsBefore).as("every read's access decision is logged (R17)")
                    .isGreaterThanOrEqualTo(auditedReads);
        } finally {
            clients.shutdownNow();
        }
    }

    private long accessDecisions() {
        // one statement, one snapshot: the sequencer moves entries from the outbox to the log atomically
        return jdbc.sql("""
                        select (select count(*) from audit_pending where kind = 'AccessDecided')
                             + (select count(*) from audit_leaf where kind = 'AccessDecided')""")
                .query(Long.class).single();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", ApiAccounts.bearer(token)).GET().build();
    }

    private HttpRequest upload(String council, Person person, String marker, int client, int round) {
        String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"title\":\"並行 " + marker + " " + client + "-" + round + "\",\"category\":\"REPORT\"}\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + "並行アップロード " + marker + "\r\n"
                + "--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(uri("/api/v1/councils/" + council + "/items")).timeout(Duration.ofSeconds(60))
                .header("Authorization", ApiAccounts.bearer(person.token()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }
}
