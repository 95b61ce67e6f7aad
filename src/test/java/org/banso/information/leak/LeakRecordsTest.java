package org.banso.information.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.banso.support.ApiAccounts.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.banso.identity.UserId;
import org.banso.information.ItemId;
import org.banso.information.internal.tracing.TracedCopies;
import org.banso.information.internal.tracing.TracedCopies.Recipient;
import org.banso.information.internal.tracing.TracedCopies.TracedCopy;
import org.banso.information.tracing.TracingFixtures;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R17: penalties are data an administrator keeps (with every previous revision), decisions are checked against the
 * table as it stands, and leak records and traced copies can only be added to, never rewritten.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class LeakRecordsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TracedCopies copies;
    @Autowired
    PlatformTransactionManager transactions;

    private MvcResult send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                           String token, Object body) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn();
    }

    private static Map<String, Object> fine(long max, String source) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameJa", "罰金");
        body.put("nameEn", "Fine");
        body.put("maxAmountYen", max);
        body.put("maxTermMonths", null);
        body.put("source", source);
        return body;
    }

    @Test
    void anAdministratorCorrectsAPenaltyItsRevisionIsKeptAndDecisionsFollowTheNewMaximum() throws Exception { // R17
        ApiAccounts accounts = new ApiAccounts(mvc, json);
        String admin = accounts.adminToken();
        String auditor = accounts.tokenFor("penaud", "AUDITOR");
        String original = jdbc.sql("select source from information_leak_penalty where code = 'FINE'")
                .query(String.class).single();
        long revisions = jdbc.sql("select count(*) from information_leak_penalty_history where code = 'FINE'")
                .query(Long.class).single();
        try {
            MvcResult changed = send(put("/api/v1/leaks/penalties/FINE"), admin, fine(400_000, "改正を想定した試験値"));
            assertThat(changed.getResponse().getStatus()).as(changed.getResponse().getContentAsString())
                    .isEqualTo(200);
            assertThat(json.readTree(changed.getResponse().getContentAsString()).get("maxAmountYen").asLong())
                    .isEqualTo(400_000);
            assertThat(jdbc.sql("select count(*) from information_leak_penalty_history where code = 'FINE'")
                    .query(Long.class).single()).isEqualTo(revisions + 1);

            UserId recipient = new UserId(UUID.randomUUID());
            TracedCopy copy = new TransactionTemplate(transactions).execute(status -> copies.issue(ItemId.random(),
                    null, 1, "text/plain", TracingFixtures.seed().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    new Recipient(recipient, "罰金 対象", "研究所"), Instant.now()));
            String report = json.readTree(send(post("/api/v1/leaks/reports"), auditor,
                    Map.of("description", "改正後の上限の試験")).getResponse().getContentAsString()).get("id").asString();
            send(post("/api/v1/leaks/reports/" + report + "/investigations"), auditor,
                    Map.of("fingerprint", copy.fingerprint(), "note", ""));
            MvcResult over = send(post("/api/v1/leaks/reports/" + report + "/decision"), auditor,
                    Map.of("penalty", "FINE", "amountYen", 450_000, "rationale", "r"));
            assertThat(over.getResponse().getStatus()).isEqualTo(400);
            assertThat(over.getResponse().getContentAsString()).contains("amountYen");
            MvcResult within = send(post("/api/v1/leaks/reports/" + report + "/decision"), auditor,
                    Map.of("penalty", "FINE", "amountYen", 400_000, "rationale", "r"));
            JsonNode decision = json.readTree(within.getResponse().getContentAsString()).get("decision");
            assertThat(decision.get("penaltyRevision").asInt()).as("the decision names the table's revision")
                    .isEqualTo(json.readTree(changed.getResponse().getContentAsString()).get("revision").asInt());

            MvcResult kind = send(put("/api/v1/leaks/penalties/FINE"), admin, Map.of("nameJa", "罰金", "nameEn", "Fine",
                    "maxTermMonths", 3, "source", "x"));
            assertThat(kind.getResponse().getStatus()).isEqualTo(400);
            assertThat(kind.getResponse().getContentAsString()).contains("maxAmountYen", "maxTermMonths");
            assertThat(send(put("/api/v1/leaks/penalties/FINE"), auditor, fine(1, "x")).getResponse().getStatus())
                    .as("auditors decide with the table, they do not edit it").isEqualTo(404);
            assertThat(send(put("/api/v1/leaks/penalties/FINE"), accounts.tokenFor("penres", "RESEARCHER"),
                    fine(1, "x")).getResponse().getStatus()).isEqualTo(404);
        } finally {
            assertThat(send(put("/api/v1/leaks/penalties/FINE"), admin, fine(500_000, original)).getResponse()
                    .getStatus()).isEqualTo(200);
        }
    }

    @Test
    void leakRecordsAndTracedCopiesCannotBeRewrittenOrDeleted() { // R17
        TracedCopy copy = new TransactionTemplate(transactions).execute(status -> copies.issue(ItemId.random(), null,
                1, "text/plain", "証拠".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new Recipient(new UserId(UUID.randomUUID()), "証拠 保全", "研究所"), Instant.now()));
        assertThatThrownBy(() -> jdbc.sql("update information_trace_copy set recipient = ? where fingerprint = ?")
                .params(UUID.randomUUID(), copy.fingerprint()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from information_trace_copy where fingerprint = ?")
                .param(copy.fingerprint()).update()).hasMessageContaining("append-only");
        UUID report = UUID.randomUUID();
        jdbc.sql("""
                insert into information_leak_report (id, description, reported_by, reported_at)
                values (?, '記録', ?, now())""").params(report, UUID.randomUUID()).update();
        jdbc.sql("""
                insert into information_leak_decision (report_id, penalty_code, penalty_revision, rationale,
                                                       decided_by, decided_at)
                values (?, 'NONE', 1, '記録', ?, now())""").params(report, UUID.randomUUID()).update();
        assertThatThrownBy(() -> jdbc.sql("update information_leak_report set description = 'x' where id = ?")
                .param(report).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from information_leak_decision where report_id = ?")
                .param(report).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate information_leak_investigation cascade").update())
                .hasMessageContaining("append-only");
        assertThat(copies.find(copy.fingerprint())).isPresent();
    }
}
