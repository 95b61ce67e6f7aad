package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.banso.audit.AuditLog;
import org.banso.audit.VerificationReport;
import org.banso.audit.internal.Sequencer;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.shared.ClusterCaches;
import org.banso.support.ApiAccounts;
import org.banso.support.ClusterNodes;
import org.banso.support.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Banso nodes — two application contexts, each with its own web server on its own port, its own search index and
 * its own caches — on one PostgreSQL, mounting one key store and keeping content in one S3 bucket (s3proxy), as two
 * servers behind a load balancer without session affinity would (issue #19). What one node changes, the other
 * answers by at its very next request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";
    private static final String SESSION_RECORD = "org.banso.identity.internal.SessionRecords.id";

    private Path dir;
    private EmbeddedPostgres postgres;
    private S3ProxyServer s3;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private InformationTestSupport onA;
    private InformationTestSupport onB;
    private InformationTestSupport.World world;

    @BeforeAll
    void startTwoNodes() throws Exception {
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "two-nodes-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(true)
                .start();
        s3 = S3ProxyServer.start(dir);
        // A starts first and creates the instance's keys; B may not create any: it must find A's in the key store
        nodeA = start("a", true);
        nodeB = start("b", false);
        onA = support(nodeA);
        onB = support(nodeB);
        world = onA.world();
    }

    @AfterAll
    void stop() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private ConfigurableApplicationContext start(String node, boolean mayCreateKeys, String... more) {
        return start(node, dir.resolve("keys"), mayCreateKeys, more);
    }

    private ConfigurableApplicationContext start(String node, Path keys, boolean mayCreateKeys, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--banso.information.content.blob-directory=" + dir.resolve("blobs-" + node),
                "--banso.information.content.store=s3",
                "--banso.information.content.s3.endpoint=" + s3.endpoint(),
                "--banso.information.content.s3.bucket=" + S3ProxyServer.BUCKET,
                "--banso.information.content.s3.prefix=content/",
                "--banso.information.content.s3.access-key=" + S3ProxyServer.ACCESS_KEY,
                "--banso.information.content.s3.secret-key=" + S3ProxyServer.SECRET_KEY,
                "--banso.audit.sequencer-interval=100ms",
                // three free failures of a username from a source, then ten minutes' back-off (SignInThrottle)
                "--banso.identity.throttle.free-failures=3",
                "--banso.identity.throttle.back-off-base=10m",
                "--banso.information.release-job-delay=200ms"));
        args.addAll(List.of(more));
        return ClusterNodes.start(postgres, dir, node, keys, mayCreateKeys, args);
    }

    private static InformationTestSupport support(ConfigurableApplicationContext node) {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) node).apply(springSecurity()).build();
        return new InformationTestSupport(mvc, node.getBean(JsonMapper.class), node.getBean(IdentityManagement.class));
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    @Order(0)
    void failedSignInsOnACountOnB() throws Exception {
        ApiAccounts onNodeA = accounts(nodeA);
        ApiAccounts onNodeB = accounts(nodeB);
        String username = onNodeA.createUser("throttled-", "RESEARCHER");
        for (int i = 0; i < 3; i++) {
            assertThat(onNodeA.tokenRequest(username, "wrong-password-" + i).getResponse().getStatus())
                    .isEqualTo(401);
        }

        var onB = onNodeB.tokenRequest(username, ApiAccounts.PASSWORD).getResponse();
        assertThat(onB.getStatus()).as("A's failures back the pair off on B, even for the right password")
                .isEqualTo(429);
        assertThat(onB.getHeader("Retry-After")).isNotBlank();
        assertThat(onNodeA.tokenRequest(username, ApiAccounts.PASSWORD).getResponse().getStatus()).isEqualTo(429);
        assertThat(onNodeB.tokenRequest("someone-else-" + UUID.randomUUID(), "wrong").getResponse().getStatus())
                .as("another username from the same source is not backed off").isEqualTo(401);
    }

    @Test
    @Order(1)
    void aPledgeRevokedOnAIsRefusedOnBAtTheVeryNextRequest() throws Exception { // R12
        String path = "/api/v1/councils/" + world.council() + "/items";
        onB.call("GET", path, world.company().token(), null, 200);
        onB.call("GET", path, world.company().token(), null, 200);

        onA.call("DELETE", "/api/v1/councils/" + world.council() + "/pledges/mine", world.company().token(), null,
                204);

        onB.problem("GET", path, world.company().token(), null, 403, "pledge-required");
        onB.call("POST", "/api/v1/councils/" + world.council() + "/pledges", world.company().token(),
                Map.of("accept", true), 201);
        onA.call("GET", path, world.company().token(), null, 200);
    }

    @Test
    @Order(2)
    void withoutAnyNotificationBStillNeverAnswersFromAStaleMembership() throws Exception { // R12
        String path = "/api/v1/councils/" + world.council() + "/items";
        SmartLifecycle listenerOfB = (SmartLifecycle) nodeB.getBean(ClusterCaches.class);
        onB.call("GET", path, world.startup().token(), null, 200);
        listenerOfB.stop();
        try {
            onA.call("DELETE", "/api/v1/councils/" + world.council() + "/pledges/mine", world.startup().token(),
                    null, 204);
            Thread.sleep(300); // time enough for a notification, had B been listening

            onB.problem("GET", path, world.startup().token(), null, 403, "pledge-required");
        } finally {
            listenerOfB.start();
        }
        onA.call("POST", "/api/v1/councils/" + world.council() + "/pledges", world.startup().token(),
                Map.of("accept", true), 201);
        onB.call("GET", path, world.startup().token(), null, 200);
    }

    @Test
    @Order(3)
    void contentUploadedOnAIsReadOnB() throws Exception { // R17
        String text = "二つのノードで共有される本文 " + UUID.randomUUID();
        String item = onA.upload(world.council(), world.startup(), "共有-" + UUID.randomUUID(), "RESEARCH_RESULT",
                text);

        var download = onB.perform("GET", "/api/v1/items/" + item + "/content", world.company().token(), null);
        assertThat(download.getResponse().getStatus()).isEqualTo(200);
        assertThat(download.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(text);
        // in the bucket, and ciphertext only; nothing in either node's own directory
        List<Path> objects;
        try (var files = Files.walk(s3.bucketDirectory())) {
            objects = files.filter(Files::isRegularFile).toList();
        }
        assertThat(objects).as("the one content stored so far, as an object under the prefix").singleElement()
                .satisfies(file -> assertThat(file.getParent().getFileName().toString()).isEqualTo("content"));
        for (Path file : objects) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).doesNotContain(text);
        }
        assertThat(dir.resolve("blobs-a")).doesNotExist();
        assertThat(dir.resolve("blobs-b")).doesNotExist();
    }

    @Test
    @Order(4)
    void aDesignationAdoptedOnAHidesTheItemOnBsApiPagesAndSearchAtOnce() throws Exception { // R12, R15
        String marker = "nodemarker" + UUID.randomUUID().toString().substring(0, 8);
        String item = onA.upload(world.council(), world.startup(), "指定前 " + marker, "RESEARCH_RESULT",
                "本文 " + marker);
        onB.call("GET", "/api/v1/items/" + item, world.company().token(), null, 200);
        assertThat(onB.page("/items/" + item, world.company()).getResponse().getStatus()).isEqualTo(200);
        // B's own index learnt of A's upload from the change feed (B never saw A's event)
        assertThat(onB.call("GET", "/api/v1/search?q=" + marker, world.company().token(), null, 200)
                .get("total").asLong()).as("found on B").isEqualTo(1);

        Instant now = Instant.now();
        adoptOnA(InformationTestSupport.designation(List.of(item), null,
                List.of(world.ministryParticipant(), world.startupParticipant()), now.minusSeconds(60),
                now.plus(Duration.ofDays(30)),
                "VIEW_ONLY", "COUNCIL"));

        onB.call("GET", "/api/v1/items/" + item, world.company().token(), null, 404);
        assertThat(onB.page("/items/" + item, world.company()).getResponse().getStatus()).isEqualTo(404);
        assertThat(onB.listedIds(world.council(), world.company())).doesNotContain(item);
        assertThat(onB.call("GET", "/api/v1/search?q=" + marker, world.company().token(), null, 200)
                .get("total").asLong()).as("hidden in B's search").isZero();
        onB.call("GET", "/api/v1/items/" + item, world.startup().token(), null, 200);
        assertThat(onB.call("GET", "/api/v1/search?q=" + marker, world.startup().token(), null, 200)
                .get("total").asLong()).as("the scope still finds it on B").isEqualTo(1);
    }

    /**
     * Proposed and consented to on A; the designation is applied by A's listener of the adoption, after its commit:
     * waits until it is there (A's listener, never B's, applies it).
     */
    private String adoptOnA(Map<String, Object> designation) throws Exception {
        var proposed = onA.proposeRequest(world.council(), world.official(), designation);
        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(201);
        String proposal = nodeA.getBean(JsonMapper.class).readTree(proposed.getResponse().getContentAsString())
                .get("id").asString();
        for (var rep : List.of(world.official(), world.startup(), world.company())) {
            onA.call("POST", "/api/v1/proposals/" + proposal + "/responses", rep.token(),
                    Map.of("response", "CONSENT"), 200);
        }
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> ids = jdbc.queryForList(
                    "select id::text from information_designation where proposal_id = ?::uuid", String.class, proposal);
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no designation for " + proposal);
    }

    @Test
    @Order(5)
    void aReleaseAtThePeriodEndIsRecordedAndAnnouncedOnce() throws Exception { // R16
        String item = onA.upload(world.council(), world.startup(), "期限-" + UUID.randomUUID(), "RESEARCH_RESULT",
                "本文");
        Instant now = Instant.now();
        String designation = adoptOnA(InformationTestSupport.designation(List.of(item), null,
                List.of(world.ministryParticipant(), world.startupParticipant()), now.minusSeconds(60),
                now.plusSeconds(3), "VIEW_ONLY", "PUBLIC"));
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        long deadline = System.currentTimeMillis() + 30_000;
        while (jdbc.queryForObject("select release_recorded_at is null from information_designation where id = ?::uuid",
                Boolean.class, designation) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000); // both nodes' jobs run several more times
        assertThat(jdbc.queryForObject("""
                select count(*) from information_notice where designation_id = ?::uuid
                and kind = 'DESIGNATION_RELEASED'""", Long.class, designation)).as("one notice").isEqualTo(1);
        nodeB.getBean(Sequencer.class).sequenceNow();
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_leaf where kind = 'DesignationReleased'
                and convert_from(leaf, 'UTF8') like ?""", Long.class, "%" + designation + "%"))
                .as("one audit entry of the release").isEqualTo(1);
        onB.call("GET", "/api/v1/items/" + item, world.company().token(), null, 200);
    }

    @Test
    @Order(6)
    void aPageSessionCreatedOnAIsUsedOnB() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String a = "http://127.0.0.1:" + port(nodeA);
        String b = "http://127.0.0.1:" + port(nodeB);
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(a + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(form);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as("the sign-in form carries its CSRF token").isTrue();
        String body = "username=" + world.company().username() + "&password=" + ApiAccounts.PASSWORD + "&_csrf="
                + csrf.group(1);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(a + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String session = sessionCookie(signedIn).isEmpty() ? cookie : sessionCookie(signedIn);

        HttpResponse<String> onNodeB = http.send(HttpRequest.newBuilder(URI.create(b + "/councils/" + world.council()
                + "/items")).header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onNodeB.statusCode()).as("node B knows the session node A signed in").isEqualTo(200);
        assertThat(onNodeB.body()).contains(world.company().username());

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(b + "/councils/"
                + world.council() + "/items")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("without the session: to the sign-in page").isEqualTo(302);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID=")).findFirst().orElse("");
    }

    @Test
    @Order(7)
    void twoRequestsOfOneSessionAddingTheSameAttributeOnTwoNodesBothSave() throws Exception {
        // two requests of one page session, one on each node, both loaded before either saved and both adding the
        // same new attribute (a CSRF token, a saved request): the later save must not break on the primary key
        JdbcIndexedSessionRepository onNodeA = nodeA.getBean(JdbcIndexedSessionRepository.class);
        JdbcIndexedSessionRepository onNodeB = nodeB.getBean(JdbcIndexedSessionRepository.class);
        for (int round = 0; round < 5; round++) {
            String id = created(onNodeA);
            String stored = concurrentlyAdded(onNodeA, onNodeB, id, "attribute-" + round);
            assertThat(stored).as("one of the two values, whole").isIn("from A", "from B");
            onNodeA.deleteById(id);
        }
    }

    private static <S extends org.springframework.session.Session> String created(SessionRepository<S> repository) {
        S session = repository.createSession();
        session.setAttribute("first", "made on A");
        repository.save(session);
        return session.getId();
    }

    private static <S extends org.springframework.session.Session> String concurrentlyAdded(
            SessionRepository<S> a, SessionRepository<S> b, String id, String attribute) throws Exception {
        S onA = a.findById(id);
        S onB = b.findById(id);
        onA.setAttribute(attribute, "from A");
        onB.setAttribute(attribute, "from B");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService requests = Executors.newFixedThreadPool(2);
        try {
            Future<?> savedOnA = requests.submit(() -> {
                start.await();
                a.save(onA);
                return null;
            });
            Future<?> savedOnB = requests.submit(() -> {
                start.await();
                b.save(onB);
                return null;
            });
            start.countDown();
            savedOnA.get(30, TimeUnit.SECONDS); // a duplicate key on either node fails here
            savedOnB.get(30, TimeUnit.SECONDS);
        } finally {
            requests.shutdownNow();
        }
        return a.findById(id).getAttribute(attribute);
    }

    @Test
    @Order(8)
    void signingOutEndsTheSessionsRecordAndRowOnOneNodeAndOnTwo() throws Exception {
        String username = accounts(nodeA).createUser("sessions-", "RESEARCHER");
        String a = "http://127.0.0.1:" + port(nodeA);
        String b = "http://127.0.0.1:" + port(nodeB);
        PageSession first = signIn(a, username);
        PageSession second = signIn(a, username);
        assertThat(accountPage(b, second)).as("B lists both sessions").contains(endPath(first), endPath(second));

        // signed out on B, the session signed in on A
        assertThat(signOut(b, first)).isEqualTo("/login?logout");
        assertThat(storedSessions(first)).as("its stored page session is gone").isZero();
        assertThat(ended(first)).as("its record ended").isTrue();
        assertThat(accountPage(a, second)).as("no longer listed").doesNotContain(endPath(first))
                .contains(endPath(second));
        assertThat(page(b, first, "/account").statusCode()).as("and no longer signed in").isEqualTo(302);

        // signed out on the node that signed it in
        assertThat(signOut(a, second)).isEqualTo("/login?logout");
        assertThat(storedSessions(second)).isZero();
        assertThat(ended(second)).isTrue();

        // "end" one other session and "sign out everywhere" from the account page delete the stored rows at once
        PageSession mine = signIn(a, username);
        PageSession other = signIn(b, username);
        assertThat(storedSessions(other)).isEqualTo(1);
        HttpResponse<String> endOther = post(b, mine, endPath(other), "confirmed=true");
        assertThat(endOther.headers().firstValue("Location").orElse("")).isEqualTo("/account");
        assertThat(storedSessions(other)).as("ended from another session, without a request of its own").isZero();
        assertThat(ended(other)).isTrue();
        assertThat(accountPage(a, mine)).doesNotContain(endPath(other)).contains(endPath(mine));
        PageSession third = signIn(b, username);
        HttpResponse<String> everywhere = post(a, mine, "/account/sessions/end-all", "confirmed=true");
        assertThat(everywhere.headers().firstValue("Location").orElse("")).isEqualTo("/login?ended");
        assertThat(storedSessions(third)).isZero();
        assertThat(storedSessions(mine)).as("the session that asked ends too").isZero();
        assertThat(ended(third)).isTrue();
        assertThat(ended(mine)).isTrue();
        assertThat(nodeA.getBean(JdbcTemplate.class).queryForObject("""
                        select count(*) from identity_page_session where principal_name = ?""", Long.class, username))
                .as("no stored page session of the account is left").isZero();
    }

    @Test
    @Order(8)
    void aSignedOutSessionLeavesNoStoredRowThatCouldAuthenticateThePerson() throws Exception {
        String username = accounts(nodeA).createUser("signed-out-", "RESEARCHER");
        String a = "http://127.0.0.1:" + port(nodeA);
        String b = "http://127.0.0.1:" + port(nodeB);
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        JdbcIndexedSessionRepository stored = nodeA.getBean(JdbcIndexedSessionRepository.class);
        for (String node : List.of(a, b)) {
            PageSession session = signIn(a, username);
            HttpResponse<String> out = post(node, session, "/logout", "x=1");
            assertThat(out.headers().firstValue("Location").orElse("")).isEqualTo("/login?logout");
            List<String> cookies = new ArrayList<>(List.of(session.cookie()));
            if (!sessionCookie(out).isEmpty()) {
                cookies.add(sessionCookie(out));
            }
            // the signed-out page the browser goes to next, with whatever cookie the sign-out left it
            HttpResponse<String> signedOut = page(node, new PageSession(cookies.get(cookies.size() - 1), null, null),
                    "/login?logout");
            assertThat(signedOut.statusCode()).isEqualTo(200);
            if (!sessionCookie(signedOut).isEmpty()) {
                cookies.add(sessionCookie(signedOut));
            }

            assertThat(jdbc.queryForObject("select count(*) from identity_page_session where principal_name = ?",
                    Long.class, username)).as("no stored session of the person, under any id").isZero();
            for (String id : jdbc.queryForList("select session_id from identity_page_session", String.class)) {
                org.springframework.session.Session row = stored.findById(id);
                if (row != null) {
                    if (row.getAttribute(SECURITY_CONTEXT) instanceof SecurityContext context
                            && context.getAuthentication() != null) {
                        assertThat(context.getAuthentication().getName()).as("session %s", id)
                                .isNotEqualTo(username);
                    }
                    assertThat(row.<Object>getAttribute(SESSION_RECORD)).as("session %s", id)
                            .isNotEqualTo(session.record());
                }
            }
            for (String cookie : cookies) {
                for (String anyNode : List.of(a, b)) {
                    HttpResponse<String> next = page(anyNode, new PageSession(cookie, null, null), "/account");
                    assertThat(next.statusCode()).as("%s on %s", cookie, anyNode).isEqualTo(302);
                    assertThat(next.headers().firstValue("Location").orElse("")).contains("/login");
                }
            }
        }
    }

    /** A signed-in page session: its cookie, its stored id, its session record. */
    private record PageSession(String cookie, String id, UUID record) {
    }

    /** Accounts and tokens through the node's own API (MockMvc over its context, its security filters applied). */
    private static ApiAccounts accounts(ConfigurableApplicationContext node) {
        return new ApiAccounts(MockMvcBuilders.webAppContextSetup((WebApplicationContext) node)
                .apply(springSecurity()).build(), node.getBean(JsonMapper.class));
    }

    private PageSession signIn(String node, String username) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        Set<UUID> before = Set.copyOf(openRecords(jdbc, username));
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(node + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(form);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(node + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + ApiAccounts.PASSWORD + "&_csrf=" + csrf(form.body()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).isEqualTo("/");
        String session = sessionCookie(signedIn).isEmpty() ? cookie : sessionCookie(signedIn);
        List<UUID> records = new ArrayList<>(openRecords(jdbc, username));
        records.removeAll(before);
        assertThat(records).hasSize(1);
        String value = session.substring(session.indexOf('=') + 1);
        return new PageSession(session, new String(java.util.Base64.getDecoder().decode(value),
                StandardCharsets.US_ASCII), records.get(0));
    }

    private static List<UUID> openRecords(JdbcTemplate jdbc, String username) {
        return jdbc.queryForList("""
                        select s.id from identity_session s join identity_account a on a.id = s.account_id
                        where a.username = ? and s.ended_at is null""", UUID.class, username);
    }

    private HttpResponse<String> page(String node, PageSession session, String path) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create(node + path)).header("Cookie", session.cookie()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String accountPage(String node, PageSession session) throws Exception {
        HttpResponse<String> page = page(node, session, "/account");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private HttpResponse<String> post(String node, PageSession session, String path, String body) throws Exception {
        String token = csrf(accountPage(node, session));
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create(node + path)).header("Cookie", session.cookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String signOut(String node, PageSession session) throws Exception {
        HttpResponse<String> out = post(node, session, "/logout", "x=1");
        assertThat(out.statusCode()).isEqualTo(302);
        return out.headers().firstValue("Location").orElse("");
    }

    private static String endPath(PageSession session) {
        return "/account/sessions/" + session.record() + "/end";
    }

    private long storedSessions(PageSession session) {
        return nodeA.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from identity_page_session where session_id = ?", Long.class, session.id());
    }

    private boolean ended(PageSession session) {
        return nodeA.getBean(JdbcTemplate.class).queryForObject(
                "select ended_at is not null from identity_session where id = ?", Boolean.class, session.record());
    }

    private static String csrf(String body) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body);
        assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
        return csrf.group(1);
    }

    @Test
    @Order(9)
    void aRequestOnBWhoseSessionWasEndedOnAEndsWithoutAnErrorAndResurrectsNothing() throws Exception {
        String username = accounts(nodeA).createUser("ended-", "RESEARCHER");
        String a = "http://127.0.0.1:" + port(nodeA);
        String b = "http://127.0.0.1:" + port(nodeB);
        JdbcTemplate jdbc = nodeB.getBean(JdbcTemplate.class);
        JdbcIndexedSessionRepository onNodeB = nodeB.getBean(JdbcIndexedSessionRepository.class);
        PageSession ending = signIn(a, username);
        // one new attribute (Spring Session inserts it alone) and two (a batch): both paths of its save
        for (List<String> added : List.of(List.of("a saved request"), List.of("a saved request", "a flash map"))) {
            PageSession session = signIn(a, username);
            String row = jdbc.queryForObject("select primary_id from identity_page_session where session_id = ?",
                    String.class, session.id());
            // a request of the session on B, loaded before A deletes it ("end this session" from another session
            // on A), ends by saving what it added, as Spring Session's filter does after every request: that save
            // used to break on the attributes' foreign key, and the request answered 500
            requestEndingAfter(onNodeB, session.id(), added, () -> {
                HttpResponse<String> end = post(a, ending, endPath(session), "confirmed=true");
                assertThat(end.headers().firstValue("Location").orElse("")).isEqualTo("/account");
                assertThat(jdbc.queryForObject("select count(*) from identity_page_session where primary_id = ?",
                        Long.class, row)).as("deleted on A").isZero();
                return null;
            });

            assertThat(jdbc.queryForObject("select count(*) from identity_page_session where primary_id = ?",
                    Long.class, row)).as("nothing resurrected").isZero();
            assertThat(jdbc.queryForObject("""
                            select count(*) from identity_page_session_attributes where session_primary_id = ?""",
                    Long.class, row)).as("no attribute written").isZero();
            HttpResponse<String> next = page(b, session, "/account");
            assertThat(next.statusCode()).as("the next request is a signed-out one").isEqualTo(302);
            assertThat(next.headers().firstValue("Location").orElse("")).contains("/login");
        }
    }

    /**
     * A request of a page session on a node: loaded, then {@code meanwhile} happens elsewhere, then the request adds
     * its attributes, writes one it had again (as the security context is) and saves the session, as Spring Session's
     * filter does at the end of every request. Spring Session swallows a refused insert of an attribute, but
     * PostgreSQL has then aborted the save's transaction, and the write that follows it failed with the request.
     */
    private static <S extends org.springframework.session.Session> void requestEndingAfter(
            SessionRepository<S> node, String id, List<String> added, Callable<?> meanwhile) throws Exception {
        S loaded = node.findById(id);
        assertThat(loaded).isNotNull();
        String had = loaded.getAttributeNames().iterator().next();
        meanwhile.call();
        for (String attribute : added) {
            loaded.setAttribute(attribute, "added by the request");
        }
        loaded.setAttribute(had, loaded.getAttribute(had));
        node.save(loaded);
    }

    @Test
    @Order(10)
    void disablingAnAccountOnAEndsItsSessionsAndTokensOnEveryNodeAtOnce() throws Exception {
        ApiAccounts accounts = accounts(nodeA);
        String username = accounts.createUser("disabled-", "RESEARCHER");
        String a = "http://127.0.0.1:" + port(nodeA);
        String b = "http://127.0.0.1:" + port(nodeB);
        PageSession onNodeA = signIn(a, username);
        PageSession onNodeB = signIn(b, username);
        String token = accounts.token(username, ApiAccounts.PASSWORD);
        onB.call("GET", "/api/v1/councils", token, null, 200);
        UUID id = nodeA.getBean(JdbcTemplate.class).queryForObject(
                "select id from identity_account where username = ?", UUID.class, username);

        onA.call("PUT", "/api/v1/users/" + id + "/enabled", accounts.adminToken(), Map.of("enabled", false), 200);

        // gone with the disable itself, before either session makes another request
        assertThat(storedSessions(onNodeA)).as("the page session signed in on A").isZero();
        assertThat(storedSessions(onNodeB)).as("the page session signed in on B").isZero();
        assertThat(ended(onNodeA)).as("its record ended").isTrue();
        assertThat(ended(onNodeB)).isTrue();
        for (String node : List.of(a, b)) {
            for (PageSession session : List.of(onNodeA, onNodeB)) {
                HttpResponse<String> next = page(node, session, "/account");
                assertThat(next.statusCode()).as("signed out on %s", node).isEqualTo(302);
                assertThat(next.headers().firstValue("Location").orElse("")).contains("/login");
            }
        }
        onB.call("GET", "/api/v1/councils", token, null, 401);
        onA.call("GET", "/api/v1/councils", token, null, 401);
    }

    @Test
    @Order(10)
    void aPasswordChangeThroughTheApiOnBEndsThePageSessionsSignedInOnAAtOnce() throws Exception {
        ApiAccounts accounts = accounts(nodeB);
        String username = accounts.createUser("password-", "RESEARCHER");
        PageSession onNodeA = signIn("http://127.0.0.1:" + port(nodeA), username);
        onB.call("PUT", "/api/v1/users/me/password", accounts.token(username, ApiAccounts.PASSWORD),
                Map.of("currentPassword", ApiAccounts.PASSWORD, "newPassword", "sakura-tsubomi-2026"), 204);
        assertThat(storedSessions(onNodeA)).as("deleted with the change, not at its next request").isZero();
        assertThat(ended(onNodeA)).isTrue();
        assertThat(page("http://127.0.0.1:" + port(nodeA), onNodeA, "/account").statusCode()).isEqualTo(302);
    }

    @Test
    @Order(10)
    void aPasswordChangeThroughTheApiCommitsTogetherWithTheEndOfThePageSessions() throws Exception {
        ApiAccounts accounts = accounts(nodeB);
        String username = accounts.createUser("password-at-once-", "RESEARCHER");
        PageSession onNodeA = signIn("http://127.0.0.1:" + port(nodeA), username);
        String token = accounts.token(username, ApiAccounts.PASSWORD);
        String hash = passwordHash(username);
        ExecutorService request = Executors.newSingleThreadExecutor();
        try (Connection holder = lockedPageSession(onNodeA)) {
            Future<Integer> change = request.submit(() -> changePasswordThroughTheApi(nodeB, token));
            waitingForTheLockedPageSession();
            // the change has reached the page session it ends and waits for it: nothing of it may be in force yet
            assertThat(passwordHash(username)).as("the new password is not in force while the page session remains")
                    .isEqualTo(hash);
            assertThat(ended(onNodeA)).as("nor the session's record ended").isFalse();
            onB.call("GET", "/api/v1/councils", token, null, 200);
            holder.commit();
            assertThat(change.get(30, TimeUnit.SECONDS)).isEqualTo(204);
        } finally {
            request.shutdownNow();
        }
        assertThat(passwordHash(username)).isNotEqualTo(hash);
        assertThat(storedSessions(onNodeA)).isZero();
        assertThat(ended(onNodeA)).isTrue();
        assertThat(page("http://127.0.0.1:" + port(nodeA), onNodeA, "/account").statusCode()).isEqualTo(302);
        onA.call("GET", "/api/v1/councils", token, null, 401);
    }

    @Test
    @Order(10)
    void aPasswordChangeThroughTheApiThatRollsBackEndsNoSessionAndNoToken() throws Exception {
        ApiAccounts accounts = accounts(nodeB);
        String username = accounts.createUser("password-undone-", "RESEARCHER");
        PageSession onNodeA = signIn("http://127.0.0.1:" + port(nodeA), username);
        String token = accounts.token(username, ApiAccounts.PASSWORD);
        String hash = passwordHash(username);
        ExecutorService request = Executors.newSingleThreadExecutor();
        try (Connection holder = lockedPageSession(onNodeA)) {
            Future<Integer> change = request.submit(() -> changePasswordThroughTheApi(nodeB, token));
            int waiting = waitingForTheLockedPageSession();
            // the change fails where it ends the page sessions: its transaction rolls back as a whole
            assertThat(nodeA.getBean(JdbcTemplate.class).queryForObject("select pg_cancel_backend(?)",
                    Boolean.class, waiting)).isTrue();
            assertThat(change.get(30, TimeUnit.SECONDS)).as("the change failed").isNotEqualTo(204);
            holder.rollback();
        } finally {
            request.shutdownNow();
        }
        assertThat(passwordHash(username)).as("the password is unchanged").isEqualTo(hash);
        assertThat(storedSessions(onNodeA)).as("the page session is kept").isEqualTo(1);
        assertThat(ended(onNodeA)).as("its record is open").isFalse();
        assertThat(page("http://127.0.0.1:" + port(nodeB), onNodeA, "/account").statusCode()).isEqualTo(200);
        onA.call("GET", "/api/v1/councils", token, null, 200);
    }

    @Test
    @Order(10)
    void aPasswordChangeOnThePageKeepsItsOwnSessionAndEndsTheOthersOnEveryNode() throws Exception {
        String username = accounts(nodeA).createUser("page-pw-", "RESEARCHER");
        String a = "http://127.0.0.1:" + port(nodeA);
        String b = "http://127.0.0.1:" + port(nodeB);
        PageSession mine = signIn(a, username);
        PageSession other = signIn(b, username);
        HttpResponse<String> changed = post(b, mine, "/account/password", "currentPassword=" + ApiAccounts.PASSWORD
                + "&newPassword=sakura-tsubomi-2026&confirmPassword=sakura-tsubomi-2026");
        assertThat(changed.headers().firstValue("Location").orElse("")).isEqualTo("/account/password");
        assertThat(storedSessions(other)).as("the other session's row is gone").isZero();
        assertThat(ended(other)).isTrue();
        assertThat(page(a, other, "/account").statusCode()).isEqualTo(302);
        assertThat(ended(mine)).as("the session that made the change goes on").isFalse();
        String renewed = sessionCookie(changed).isEmpty() ? mine.cookie() : sessionCookie(changed);
        PageSession continued = new PageSession(renewed, mine.id(), mine.record());
        assertThat(page(a, continued, "/account").statusCode()).isEqualTo(200);
        assertThat(page(b, continued, "/account").statusCode()).isEqualTo(200);

        // signing out under the id the change gave it leaves no row of the person either
        assertThat(signOut(a, continued)).isEqualTo("/login?logout");
        assertThat(nodeA.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from identity_page_session where principal_name = ?", Long.class, username)).isZero();
        assertThat(page(b, continued, "/account").statusCode()).isEqualTo(302);
    }

    private int changePasswordThroughTheApi(ConfigurableApplicationContext node, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node)
                        + "/api/v1/users/me/password")).header("Authorization", ApiAccounts.bearer(token))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + ApiAccounts.PASSWORD
                        + "\",\"newPassword\":\"sakura-tsubomi-2026\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A transaction of the test's own holding the stored page session's row: whoever deletes it waits. */
    private Connection lockedPageSession(PageSession session) throws Exception {
        Connection connection = postgres.getPostgresDatabase().getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "select primary_id from identity_page_session where session_id = ? for update")) {
            lock.setString(1, session.id());
            try (ResultSet row = lock.executeQuery()) {
                assertThat(row.next()).as("the session is stored").isTrue();
            }
        }
        return connection;
    }

    /** The server process of the statement waiting for the locked page session (at most 30 s). */
    private int waitingForTheLockedPageSession() throws Exception {
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<Integer> waiting = jdbc.queryForList("""
                    select pid from pg_stat_activity where wait_event_type = 'Lock'
                    and query ilike '%identity_page_session%'""", Integer.class);
            if (!waiting.isEmpty()) {
                return waiting.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no statement waited for the page session");
    }

    private String passwordHash(String username) {
        return nodeA.getBean(JdbcTemplate.class).queryForObject(
                "select password_hash from identity_account where username = ?", String.class, username);
    }

    @Test
    @Order(11)
    void aNodeWithoutTheInstancesKeysRefusesToStartEvenIfItMayCreateKeys() {
        assertThatThrownBy(() -> start("c", dir.resolve("keys-of-c"), true).close())
                .hasStackTraceContaining("lacks version")
                .hasStackTraceContaining("key store");
        assertThatThrownBy(() -> start("d", dir.resolve("keys-of-d"), false).close())
                .hasStackTraceContaining("lacks version");
    }

    @Test
    @Order(12)
    void whenASequencerDiesTheOtherSignsTheNextCheckpointWithTheSameKeyAndTheLogVerifies() throws Exception { // R17
        JdbcTemplate jdbc = nodeB.getBean(JdbcTemplate.class);
        onA.organization("COMPANY");
        nodeA.getBean(Sequencer.class).sequenceNow();
        long before = jdbc.queryForObject("select max(tree_size) from audit_checkpoint", Long.class);
        Set<String> keysBefore = Set.copyOf(jdbc.queryForList("select distinct key_id from audit_checkpoint",
                String.class));
        assertThat(keysBefore).hasSize(1);

        nodeA.close();
        onB.organization("COMPANY");
        long deadline = System.currentTimeMillis() + 30_000;
        while (jdbc.queryForObject("select max(tree_size) from audit_checkpoint", Long.class) <= before
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // B's own scheduled sequencer, not a call of the test
        }
        assertThat(jdbc.queryForObject("select max(tree_size) from audit_checkpoint", Long.class))
                .isGreaterThan(before);
        assertThat(Set.copyOf(jdbc.queryForList("select distinct key_id from audit_checkpoint", String.class)))
                .as("one signing key for the instance").isEqualTo(keysBefore);
        BansoUser auditor = new BansoUser(new UserId(UUID.randomUUID()), "auditor", "Auditor",
                new OrganizationId(UUID.randomUUID()), Set.of(Role.AUDITOR));
        VerificationReport report = nodeB.getBean(AuditLog.class).verify(auditor);
        assertThat(report.ok()).as(report.message()).isTrue();
    }
}
