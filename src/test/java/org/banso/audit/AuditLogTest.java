package org.banso.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.banso.audit.internal.Sequencer;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.shared.AuditedEvent;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The transparency log through the real application, database and API (R17). */
@BansoIntegrationTest
@AutoConfigureMockMvc
class AuditLogTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired Sequencer sequencer;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired AuditLog log;
    @Autowired org.banso.identity.IdentityManagement identity;

    ApiAccounts accounts;
    String auditorToken;

    /** A business event of this test only, to follow through the log. */
    record ProbeHappened(UUID probe, UUID council, UserId by, Instant at) implements AuditedEvent {
    }

    @BeforeEach
    void setUp() throws Exception {
        accounts = new ApiAccounts(mvc, json);
        auditorToken = accounts.tokenFor("auditor", "AUDITOR");
    }

    @Test
    void aCommittedEventIsLoggedAndARolledBackOneIsNot() { // R17: in the log iff committed
        UUID kept = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> events.publishEvent(probe(kept)));
        tx.executeWithoutResult(s -> {
            events.publishEvent(probe(rolledBack));
            s.setRollbackOnly();
        });
        sequencer.sequenceNow();
        assertThat(leavesMentioning(kept)).isEqualTo(1);
        assertThat(leavesMentioning(rolledBack)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_pending where convert_from(leaf, 'UTF8') like ?",
                Long.class, "%" + rolledBack + "%")).isZero();
    }

    @Test
    void anInnerTransactionKeepsItsEventsWhenTheOuterOneRollsBack() { // R17: each transaction's own events
        UUID outer = UUID.randomUUID();
        UUID inner = UUID.randomUUID();
        UUID many = UUID.randomUUID();
        TransactionTemplate outerTx = new TransactionTemplate(transactions);
        TransactionTemplate innerTx = new TransactionTemplate(transactions);
        innerTx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        outerTx.executeWithoutResult(s -> {
            events.publishEvent(probe(outer));
            innerTx.executeWithoutResult(i -> {
                for (int n = 0; n < 3; n++) {
                    events.publishEvent(probe(many));
                }
                events.publishEvent(probe(inner));
            });
            s.setRollbackOnly();
        });
        sequencer.sequenceNow();
        assertThat(leavesMentioning(inner)).isEqualTo(1);
        assertThat(leavesMentioning(many)).isEqualTo(3);
        assertThat(leavesMentioning(outer)).isZero();
    }

    @Test
    void aFailedRegistrationLeavesNoEntryAndASuccessfulOneLeavesExactlyOne() throws Exception { // R17
        String admin = accounts.adminToken();
        String name = ApiAccounts.unique("監査試験");
        MvcResult ok = mvc.perform(post("/api/v1/organizations").header("Authorization", ApiAccounts.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("name", name,
                        "nameEn", "Audit test", "kind", "COMPANY")))).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(201);
        String id = json.readTree(ok.getResponse().getContentAsString()).get("id").asString();
        sequencer.sequenceNow();
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_leaf where kind = 'OrganizationRegistered'
                and convert_from(leaf, 'UTF8') like ?""", Long.class, "%" + id + "%")).isEqualTo(1);
    }

    @Test
    void failedSignInsAreLoggedWithoutThePassword() throws Exception { // R17
        String username = ApiAccounts.unique("nobody");
        accounts.tokenRequest(username, "secret-never-logged-42");
        sequencer.sequenceNow();
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(username.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 8);
        List<String> leaves = jdbc.queryForList("""
                select convert_from(leaf, 'UTF8') from audit_leaf where kind = 'LoginFailed'
                and convert_from(leaf, 'UTF8') like ?""", String.class, "%" + digest + "%");
        assertThat(leaves).hasSize(1);
        // neither the password nor the unknown name as typed (it may be a mistyped password) is kept
        assertThat(leaves.get(0)).doesNotContain("secret-never-logged-42").doesNotContain(username);
        assertThat(jdbc.queryForObject("select count(*) from audit_leaf where convert_from(leaf, 'UTF8') like ?",
                Long.class, "%secret-never-logged%")).isZero();
    }

    @Test
    void theCheckpointIsPublicSignedAndItsRootCoversTheEntries() throws Exception { // R17
        events.publishEvent(probe(UUID.randomUUID()));
        sequencer.sequenceNow();
        String note = mvc.perform(get("/api/v1/audit/checkpoint")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String key = mvc.perform(get("/api/v1/audit/public-key")).andReturn().getResponse().getContentAsString();
        var verifierKey = LogVerifier.VerifierKey.parse(key).orElseThrow();
        assertThat(note).startsWith("banso.localhost/audit\n");
        var checkpoint = LogVerifier.openCheckpoint(note, verifierKey).orElseThrow();
        List<byte[]> leaves = exportLeaves(checkpoint.size());
        assertThat(LogVerifier.rootOf(leaves)).isEqualTo(checkpoint.root());
        assertThat(LogVerifier.openCheckpoint(note.replace("banso.localhost/audit\n" + checkpoint.size(),
                "banso.localhost/audit\n" + (checkpoint.size() + 1)), verifierKey)).isEmpty();
    }

    @Test
    void inclusionAndConsistencyProofsFromTheApiVerifyAgainstSignedCheckpoints() throws Exception { // R17
        events.publishEvent(probe(UUID.randomUUID()));
        sequencer.sequenceNow();
        var key = LogVerifier.VerifierKey.parse(log.verifierKey()).orElseThrow();
        var older = LogVerifier.openCheckpoint(log.latestCheckpoint(), key).orElseThrow();
        for (int i = 0; i < 3; i++) {
            events.publishEvent(probe(UUID.randomUUID()));
        }
        sequencer.sequenceNow();
        var newer = LogVerifier.openCheckpoint(log.latestCheckpoint(), key).orElseThrow();
        assertThat(newer.size()).isGreaterThan(older.size());

        long index = older.size() - 1;
        JsonNode inclusion = getJson("/api/v1/audit/proofs/inclusion?index=" + index + "&treeSize=" + newer.size(),
                auditorToken);
        byte[] leaf = exportLeaves(newer.size()).get((int) index);
        assertThat(LogVerifier.verifyInclusion(index, newer.size(), LogVerifier.leafHash(leaf),
                hashes(inclusion.get("proof")), newer.root())).isTrue();

        JsonNode consistency = getJson("/api/v1/audit/proofs/consistency?from=" + older.size() + "&to="
                + newer.size(), null);
        assertThat(LogVerifier.verifyConsistency(older.size(), newer.size(), older.root(), newer.root(),
                hashes(consistency.get("proof")))).isTrue();
    }

    @Test
    void entriesAndInclusionProofsAreForAuditorsOnly() throws Exception { // R17
        events.publishEvent(probe(UUID.randomUUID()));
        sequencer.sequenceNow();
        String researcher = accounts.tokenFor("researcher", "RESEARCHER");
        assertThat(status("/api/v1/audit/entries?from=0&to=1", researcher)).isEqualTo(403);
        assertThat(status("/api/v1/audit/proofs/inclusion?index=0&treeSize=1", researcher)).isEqualTo(403);
        assertThat(status("/api/v1/audit/entries?from=0&to=1", null)).isEqualTo(401);
        assertThat(status("/api/v1/audit/entries?from=0&to=1", auditorToken)).isEqualTo(200);
        assertThat(status("/api/v1/audit/checkpoint", null)).isEqualTo(200);
    }

    @Test
    void badRangesAreValidationFailures() throws Exception { // R17, API.md § Audit
        events.publishEvent(probe(UUID.randomUUID()));
        sequencer.sequenceNow();
        for (String path : List.of("/api/v1/audit/entries?from=5&to=5", "/api/v1/audit/entries?from=-1&to=3",
                "/api/v1/audit/entries?from=0&to=1001", "/api/v1/audit/entries?from=x&to=1",
                "/api/v1/audit/entries?from=0", "/api/v1/audit/proofs/inclusion?index=3&treeSize=3",
                "/api/v1/audit/proofs/inclusion?index=0&treeSize=999999999",
                "/api/v1/audit/proofs/consistency?from=0&to=1", "/api/v1/audit/proofs/consistency?from=2&to=1")) {
            MvcResult result = mvc.perform(get(path).header("Authorization", ApiAccounts.bearer(auditorToken)))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(400);
            assertThat(result.getResponse().getContentAsString()).as(path).contains("/problems/validation-failed");
        }
    }

    @Test
    void theLogTablesRefuseUpdateDeleteAndTruncate() { // R17: append-only
        events.publishEvent(probe(UUID.randomUUID()));
        sequencer.sequenceNow();
        for (String sql : List.of("update audit_leaf set kind = 'x' where idx = 0", "delete from audit_leaf where idx = 0",
                "truncate audit_leaf", "update audit_node set hash = hash", "delete from audit_checkpoint",
                "truncate audit_checkpoint")) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).rootCause().hasMessageContaining("append-only");
        }
    }

    @Test
    void verificationNamesTheFirstAlteredEntry() { // R17: tamper detection
        UUID probe = UUID.randomUUID();
        events.publishEvent(probe(probe));
        sequencer.sequenceNow();
        BansoUser auditor = new BansoUser(new UserId(UUID.randomUUID()), "auditor-x", "Auditor",
                new OrganizationId(UUID.randomUUID()), Set.of(Role.AUDITOR));
        long index = jdbc.queryForObject("select idx from audit_leaf where convert_from(leaf, 'UTF8') like ?",
                Long.class, "%" + probe + "%");
        byte[] original = jdbc.queryForObject("select leaf from audit_leaf where idx = ?", byte[].class, index);
        // someone with the database's superuser rights goes around the triggers
        TransactionTemplate tx = new TransactionTemplate(transactions);
        try {
            tx.executeWithoutResult(s -> {
                jdbc.execute("alter table audit_leaf disable trigger audit_leaf_append_only");
                jdbc.update("update audit_leaf set leaf = ? where idx = ?",
                        new String(original, StandardCharsets.UTF_8).replace(probe.toString(),
                                UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8), index);
                jdbc.execute("alter table audit_leaf enable trigger audit_leaf_append_only");
            });
            var report = log.verify(auditor);
            assertThat(report.ok()).isFalse();
            assertThat(report.firstBadIndex()).isLessThanOrEqualTo(index);
            assertThat(report.message()).contains("altered");
            if (report.firstBadIndex() == index) {
                assertThat(report.message()).contains("Entry " + index);
            }
        } finally {
            tx.executeWithoutResult(s -> {
                jdbc.execute("alter table audit_leaf disable trigger audit_leaf_append_only");
                jdbc.update("update audit_leaf set leaf = ? where idx = ?", original, index);
                jdbc.execute("alter table audit_leaf enable trigger audit_leaf_append_only");
            });
        }
        assertThat(log.verify(auditor).ok()).isTrue();
    }

    @Test
    void rewritingALeafTogetherWithItsHashIsCaughtByTheSignedCheckpoint() { // R17
        UUID probe = UUID.randomUUID();
        events.publishEvent(probe(probe));
        sequencer.sequenceNow();
        BansoUser auditor = new BansoUser(new UserId(UUID.randomUUID()), "auditor-y", "Auditor",
                new OrganizationId(UUID.randomUUID()), Set.of(Role.AUDITOR));
        long index = jdbc.queryForObject("select idx from audit_leaf where convert_from(leaf, 'UTF8') like ?",
                Long.class, "%" + probe + "%");
        byte[] original = jdbc.queryForObject("select leaf from audit_leaf where idx = ?", byte[].class, index);
        byte[] forged = new String(original, StandardCharsets.UTF_8).replace(probe.toString(),
                UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        try {
            tx.executeWithoutResult(s -> {
                jdbc.execute("alter table audit_leaf disable trigger audit_leaf_append_only");
                jdbc.update("update audit_leaf set leaf = ?, leaf_hash = ? where idx = ?", forged,
                        LogVerifier.leafHash(forged), index);
                jdbc.execute("alter table audit_leaf enable trigger audit_leaf_append_only");
            });
            var report = log.verify(auditor);
            assertThat(report.ok()).isFalse();
            assertThat(report.firstBadIndex()).isLessThanOrEqualTo(index);
            assertThat(report.message()).contains("signed checkpoint");
        } finally {
            tx.executeWithoutResult(s -> {
                jdbc.execute("alter table audit_leaf disable trigger audit_leaf_append_only");
                jdbc.update("update audit_leaf set leaf = ?, leaf_hash = ? where idx = ?", original,
                        LogVerifier.leafHash(original), index);
                jdbc.execute("alter table audit_leaf enable trigger audit_leaf_append_only");
            });
        }
    }

    @Test
    void theCommandLineVerifierChecksAnExportOfflineAndCatchesAnAlteredOne() throws Exception { // R17
        events.publishEvent(probe(UUID.randomUUID()));
        sequencer.sequenceNow();
        String oldNote = log.latestCheckpoint();
        events.publishEvent(probe(UUID.randomUUID()));
        sequencer.sequenceNow();
        String note = log.latestCheckpoint();
        String key = log.verifierKey();
        var checkpoint = LogVerifier.openCheckpoint(note, LogVerifier.VerifierKey.parse(key).orElseThrow())
                .orElseThrow();
        var oldCheckpoint = LogVerifier.openCheckpoint(oldNote, LogVerifier.VerifierKey.parse(key).orElseThrow())
                .orElseThrow();
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "audit-cli-");
        List<String> pages = new ArrayList<>();
        for (long from = 0; from < checkpoint.size(); from += 1000) {
            pages.add(mvc.perform(get("/api/v1/audit/entries?from=" + from + "&to=" + Math.min(from + 1000,
                            checkpoint.size())).header("Authorization", ApiAccounts.bearer(auditorToken)))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        String export = "[" + String.join(",", pages) + "]";
        Files.writeString(dir.resolve("entries.json"), export);
        Files.writeString(dir.resolve("checkpoint.txt"), note);
        Files.writeString(dir.resolve("old.txt"), oldNote);
        Files.writeString(dir.resolve("proof.json"), mvc.perform(get("/api/v1/audit/proofs/consistency?from="
                + oldCheckpoint.size() + "&to=" + checkpoint.size())).andReturn().getResponse().getContentAsString());

        assertThat(cli("audit", "verify", "--entries", dir.resolve("entries.json").toString(), "--checkpoint",
                dir.resolve("checkpoint.txt").toString(), "--key", key)).startsWith("0 OK");
        assertThat(cli("audit", "consistency", "--old", dir.resolve("old.txt").toString(), "--new",
                dir.resolve("checkpoint.txt").toString(), "--proof", dir.resolve("proof.json").toString(),
                "--key", key)).startsWith("0 OK");

        JsonNode first = json.readTree(pages.get(0)).get("entries").get(0);
        String leaf = first.get("leaf").asString();
        String altered = Base64.getEncoder().encodeToString(
                (new String(Base64.getDecoder().decode(leaf), StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("entries.json"), export.replaceFirst(java.util.regex.Pattern.quote(leaf), altered));
        assertThat(cli("audit", "verify", "--entries", dir.resolve("entries.json").toString(), "--checkpoint",
                dir.resolve("checkpoint.txt").toString(), "--key", key)).startsWith("1 FAILED");
    }

    @Test
    void auditorPagesListEntriesShowAProofAndVerify() throws Exception { // R17
        UUID probe = UUID.randomUUID();
        UUID council = UUID.randomUUID();
        events.publishEvent(new ProbeHappened(probe, council, new UserId(UUID.randomUUID()), Instant.now()));
        sequencer.sequenceNow();
        BansoUser auditor = new BansoUser(new UserId(UUID.randomUUID()), "auditor-p", "監査 担当",
                new OrganizationId(UUID.randomUUID()), Set.of(Role.AUDITOR));
        var principal = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(auditor,
                null, List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_AUDITOR")));
        String page = mvc.perform(get("/audit?council=" + council).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(principal)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long index = jdbc.queryForObject("select idx from audit_leaf where council = ?", Long.class, council);
        // the list names entries by number, kind and person; the signed text (with its ids) is on the entry's page
        assertThat(page).contains("監査ログ").contains("/audit/entries/" + index + "\"")
                .contains("banso.localhost/audit").doesNotContain(probe.toString());
        // #17: the filter's fields are looked up by their names (a bare errors[f] looked up the key "f")
        assertThat(page).as("the council filter is kept").contains("name=\"council\" value=\"" + council + "\"");
        String wrongTime = mvc.perform(get("/audit?from=not-a-time").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(principal)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(wrongTime).contains("id=\"from-error\"", "value=\"not-a-time\"", "aria-describedby=\"from-error\"");
        String entry = mvc.perform(get("/audit/entries/" + index + "?lang=en").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(principal)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(entry).contains("Inclusion proof").contains("is included in the signed checkpoint")
                .contains(probe.toString());
        String verified = mvc.perform(post("/audit/verify").with(csrf()).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(principal)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(verified).contains("検証しました");

        BansoUser researcher = new BansoUser(new UserId(UUID.randomUUID()), "researcher-p", "研究 担当",
                new OrganizationId(UUID.randomUUID()), Set.of(Role.RESEARCHER));
        int forbidden = mvc.perform(get("/audit").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(new org.springframework.security.authentication
                                        .UsernamePasswordAuthenticationToken(researcher, null, List.of(
                                        new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                                "ROLE_RESEARCHER"))))))
                .andReturn().getResponse().getStatus();
        assertThat(forbidden).isEqualTo(403);
    }

    @Test
    void theAuditPagePagesThroughAllEntriesByKeyAndFiltersByAPersonChosenByName() throws Exception { // R17, #17
        String username = accounts.createUser("aud-person", "RESEARCHER");
        org.banso.identity.UserView person = identity.userByUsername(username).orElseThrow();
        UUID council = UUID.randomUUID();
        int published = 2 * 50 + 7; // the page holds 50
        for (int i = 0; i < published; i++) {
            events.publishEvent(new ProbeHappened(UUID.randomUUID(), council, person.id(), Instant.now()));
        }
        sequencer.sequenceNow();
        BansoUser auditor = new BansoUser(new UserId(UUID.randomUUID()), "auditor-k", "監査 担当",
                new OrganizationId(UUID.randomUUID()), Set.of(Role.AUDITOR));
        var principal = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                        auditor, null, List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                "ROLE_AUDITOR"))));
        // every entry of the person, page by page, each exactly once, newest first, by following "older"
        List<Long> expected = jdbc.queryForList("select idx from audit_leaf where actor = ? order by idx desc",
                Long.class, person.id().value());
        assertThat(expected).hasSize(published);
        List<Long> seen = new java.util.ArrayList<>();
        String next = "/audit?actor=" + person.id().value() + "&lang=ja";
        int pages = 0;
        while (next != null) {
            String page = mvc.perform(get(next).with(principal)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            pages++;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"/audit/entries/(\\d+)\"").matcher(page);
            while (m.find()) {
                seen.add(Long.parseLong(m.group(1)));
            }
            // the person by name, never their id; the kind and counts in words
            String visible = page.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]*>", " ");
            assertThat(visible).contains(person.displayName()).doesNotContain(person.id().value().toString())
                    .doesNotContain(council.toString());
            java.util.regex.Matcher older = java.util.regex.Pattern.compile("id=\"audit-older\"\\s+href=\"([^\"]+)\"")
                    .matcher(page);
            next = older.find() ? older.group(1).replace("&amp;", "&") : null;
            assertThat(pages).isLessThanOrEqualTo(10);
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(expected);
        // the person picker offers people by name; a bad page key is refused on the page, nothing listed
        String bad = mvc.perform(get("/audit?before=-3").with(principal)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).doesNotContain("/audit/entries/");
        String english = mvc.perform(get("/audit?lang=en&actor=" + person.id().value()).with(principal))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("50 entries on this page").contains("Older entries");
    }

    private String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AuditCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return status + " " + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private ProbeHappened probe(UUID id) {
        return new ProbeHappened(id, null, new UserId(UUID.randomUUID()), Instant.now());
    }

    private long leavesMentioning(UUID id) {
        return jdbc.queryForObject("select count(*) from audit_leaf where convert_from(leaf, 'UTF8') like ?",
                Long.class, "%" + id + "%");
    }

    private List<byte[]> exportLeaves(long size) throws Exception {
        List<byte[]> leaves = new ArrayList<>();
        for (long from = 0; from < size; from += 1000) {
            JsonNode page = getJson("/api/v1/audit/entries?from=" + from + "&to=" + Math.min(from + 1000, size),
                    auditorToken);
            page.get("entries").forEach(e -> leaves.add(Base64.getDecoder().decode(e.get("leaf").asString())));
        }
        return leaves;
    }

    private JsonNode getJson(String path, String token) throws Exception {
        var request = get(path);
        if (token != null) {
            request = request.header("Authorization", ApiAccounts.bearer(token));
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private int status(String path, String token) throws Exception {
        var request = get(path);
        if (token != null) {
            request = request.header("Authorization", ApiAccounts.bearer(token));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> out = new ArrayList<>();
        proof.forEach(h -> out.add(Base64.getDecoder().decode(h.asString())));
        return out;
    }
}
