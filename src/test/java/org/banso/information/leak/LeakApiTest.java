package org.banso.information.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.support.ApiAccounts.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.banso.identity.UserId;
import org.banso.information.ItemId;
import org.banso.information.LeakEvents;
import org.banso.information.internal.tracing.TracedCopies;
import org.banso.information.internal.tracing.TracedCopies.Recipient;
import org.banso.information.internal.tracing.TracedCopies.TracedCopy;
import org.banso.information.tracing.TracingFixtures;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** R17: auditors trace leaked copies, report leaks, investigate and decide penalties; nobody else sees any of it. */
@BansoIntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class LeakApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TracedCopies copies;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEvents events;

    private ApiAccounts accounts;
    private String auditor;
    private final ItemId item = ItemId.random();
    private final UserId recipient = new UserId(UUID.randomUUID());

    @BeforeEach
    void setUp() throws Exception {
        accounts = new ApiAccounts(mvc, json);
        auditor = accounts.tokenFor("auditor", "AUDITOR");
    }

    private TracedCopy issue(String mediaType, byte[] content) {
        return new TransactionTemplate(transactions).execute(status -> copies.issue(item, null, 1, mediaType,
                content, new Recipient(recipient, "漏洩 試験", "試験研究所"), Instant.parse("2026-11-20T01:02:03Z")));
    }

    private MvcResult traceFile(String token, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/leaks/trace").file(new MockMultipartFile("file", "leak.bin",
                "application/octet-stream", bytes)).header("Authorization", bearer(token))).andReturn();
    }

    private static String problemType(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    @Test
    void anAuditorFindsTheRecipientOfALeakedPdf() throws Exception { // R17
        TracedCopy copy = issue("application/pdf", TracingFixtures.pdf(2));
        MvcResult result = traceFile(auditor, copy.bytes());
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode body = json.readTree(result.getResponse().getContentAsString());
        assertThat(body.get("itemId").asString()).isEqualTo(item.toString());
        assertThat(body.get("recipientUserId").asString()).isEqualTo(recipient.toString());
        assertThat(Instant.parse(body.get("downloadedAt").asString())).isEqualTo("2026-11-20T01:02:03Z");
        assertThat(events.stream(LeakEvents.LeakTraceAttempted.class))
                .anySatisfy(e -> assertThat(e.found() && e.permitted() && recipient.equals(e.recipient())).isTrue());
    }

    @Test
    void anAuditorFindsTheRecipientOfPastedTextAndGetsNotFoundForUnmarkedContent() throws Exception { // R17
        TracedCopy copy = issue("text/plain", TracingFixtures.seed().getBytes(StandardCharsets.UTF_8));
        String pasted = TracingFixtures.excerpt(new String(copy.bytes(), StandardCharsets.UTF_8), 300, 200);
        MvcResult found = mvc.perform(post("/api/v1/leaks/trace").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("text", pasted)
                .header("Authorization", bearer(auditor))).andReturn();
        assertThat(found.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(found.getResponse().getContentAsString()).get("recipientUserId").asString())
                .isEqualTo(recipient.toString());

        MvcResult unknown = traceFile(auditor, TracingFixtures.pdf(1));
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(problemType(unknown)).contains("/problems/not-found");
        assertThat(events.stream(LeakEvents.LeakTraceAttempted.class))
                .anySatisfy(e -> assertThat(e.permitted() && !e.found()).isTrue());

        MvcResult empty = mvc.perform(post("/api/v1/leaks/trace").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("text", " ")
                .header("Authorization", bearer(auditor))).andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(problemType(empty)).contains("/problems/validation-failed");
    }

    @Test
    void everyoneButAnAuditorIsToldNotFoundAndTheAttemptIsLogged() throws Exception { // R17
        TracedCopy copy = issue("application/pdf", TracingFixtures.pdf(1));
        for (String role : new String[] {"MINISTRY_OFFICIAL", "RESEARCHER", "PROGRAM_OFFICER", "ANALYST"}) {
            String token = accounts.tokenFor("leaknot", role);
            MvcResult result = traceFile(token, copy.bytes());
            assertThat(result.getResponse().getStatus()).as(role).isEqualTo(404);
            assertThat(problemType(result)).as(role).contains("/problems/not-found")
                    .doesNotContain(recipient.toString());
            assertThat(mvc.perform(get("/api/v1/leaks/reports").header("Authorization", bearer(token)))
                    .andReturn().getResponse().getStatus()).as(role).isEqualTo(404);
        }
        MvcResult admin = traceFile(accounts.adminToken(), copy.bytes());
        assertThat(admin.getResponse().getStatus()).as("ADMIN gets no bypass").isEqualTo(404);
        assertThat(events.stream(LeakEvents.LeakTraceAttempted.class).filter(e -> !e.permitted()).count())
                .isGreaterThanOrEqualTo(5);
        assertThat(mvc.perform(multipart("/api/v1/leaks/trace").file(new MockMultipartFile("file", copy.bytes())))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aLeakIsReportedInvestigatedWithTheTraceResultAndDecidedWithinThePenaltyTable() throws Exception { // R17
        TracedCopy copy = issue("application/pdf", TracingFixtures.pdf(1));
        JsonNode penalties = json.readTree(mvc.perform(get("/api/v1/leaks/penalties")
                .header("Authorization", bearer(auditor))).andReturn().getResponse().getContentAsString());
        Map<String, JsonNode> byCode = new HashMap<>();
        penalties.forEach(p -> byCode.put(p.get("code").asString(), p));
        assertThat(byCode).containsKeys("IMPRISONMENT", "FINE", "ORGANIZATION_FINE", "NONE");
        assertThat(byCode.get("FINE").get("maxAmountYen").asLong()).isEqualTo(500_000);
        assertThat(byCode.get("IMPRISONMENT").get("maxTermMonths").asInt()).isEqualTo(12);
        assertThat(byCode.get("FINE").get("source").asString()).contains("reference");

        MvcResult created = postJson("/api/v1/leaks/reports",
                Map.of("description", "協議会資料が外部の掲示板に掲載された"));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        String id = json.readTree(created.getResponse().getContentAsString()).get("id").asString();
        assertThat(events.stream(LeakEvents.LeakReported.class)).anySatisfy(e ->
                assertThat(e.report().toString()).isEqualTo(id));

        MvcResult unknownFingerprint = postJson("/api/v1/leaks/reports/" + id + "/investigations",
                Map.of("fingerprint", "0123456789abcdef", "note", "guess"));
        assertThat(unknownFingerprint.getResponse().getStatus()).isEqualTo(400);
        MvcResult investigated = postJson("/api/v1/leaks/reports/" + id + "/investigations",
                Map.of("fingerprint", copy.fingerprint(), "note", "掲載ファイルから抽出"));
        assertThat(investigated.getResponse().getStatus()).as(investigated.getResponse().getContentAsString())
                .isEqualTo(200);
        JsonNode investigation = json.readTree(investigated.getResponse().getContentAsString())
                .get("investigations").get(0);
        assertThat(investigation.get("recipient").asString()).isEqualTo(recipient.toString());
        assertThat(investigation.get("fingerprint").asString()).isEqualTo(copy.fingerprint());

        // over the table's maximum, wrong quantity kind, unknown penalty: 400 and nothing decided
        assertValidationFailed(id, Map.of("penalty", "FINE", "amountYen", 500_001, "rationale", "r"), "amountYen");
        assertValidationFailed(id, Map.of("penalty", "IMPRISONMENT", "termMonths", 13, "rationale", "r"),
                "termMonths");
        assertValidationFailed(id, Map.of("penalty", "FINE", "termMonths", 3, "amountYen", 1000, "rationale", "r"),
                "termMonths");
        assertValidationFailed(id, Map.of("penalty", "NONE", "amountYen", 1, "rationale", "r"), "amountYen");
        assertValidationFailed(id, Map.of("penalty", "DEATH", "rationale", "r"), "penalty");
        assertValidationFailed(id, Map.of("penalty", "FINE", "amountYen", 1000, "rationale", " "), "rationale");
        assertThat(json.readTree(mvc.perform(get("/api/v1/leaks/reports/" + id)
                .header("Authorization", bearer(auditor))).andReturn().getResponse().getContentAsString())
                .get("decision").isNull()).isTrue();

        MvcResult decided = postJson("/api/v1/leaks/reports/" + id + "/decision",
                Map.of("penalty", "FINE", "amountYen", 500_000, "rationale", "守秘義務違反"));
        assertThat(decided.getResponse().getStatus()).as(decided.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode decision = json.readTree(decided.getResponse().getContentAsString()).get("decision");
        assertThat(decision.get("penalty").asString()).isEqualTo("FINE");
        assertThat(decision.get("amountYen").asLong()).isEqualTo(500_000);
        assertThat(decision.get("subject").asString()).isEqualTo(recipient.toString());
        assertThat(events.stream(LeakEvents.LeakPenaltyDecided.class)).anySatisfy(e -> {
            assertThat(e.report().toString()).isEqualTo(id);
            assertThat(e.subject()).isEqualTo(recipient);
            assertThat(e.amountYen()).isEqualTo(500_000L);
        });

        MvcResult again = postJson("/api/v1/leaks/reports/" + id + "/decision",
                Map.of("penalty", "NONE", "rationale", "second thoughts"));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);

        JsonNode list = json.readTree(mvc.perform(get("/api/v1/leaks/reports")
                .header("Authorization", bearer(auditor))).andReturn().getResponse().getContentAsString());
        assertThat(list.findValuesAsString("id")).contains(id);
    }

    @Test
    void imprisonmentNeedsAPersonSoAReportWithoutATraceResultCannotImposeIt() throws Exception { // R17
        MvcResult created = postJson("/api/v1/leaks/reports", Map.of("description", "出所不明の資料"));
        String id = json.readTree(created.getResponse().getContentAsString()).get("id").asString();
        assertValidationFailed(id, Map.of("penalty", "IMPRISONMENT", "termMonths", 6, "rationale", "r"), "subject");
        MvcResult none = postJson("/api/v1/leaks/reports/" + id + "/decision",
                Map.of("penalty", "NONE", "rationale", "漏洩の事実を確認できなかった"));
        assertThat(none.getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aReportNeedsADescriptionAndAnItemThatExists() throws Exception {
        MvcResult result = postJson("/api/v1/leaks/reports", Map.of("description", "  "));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(problemType(result)).contains("/problems/validation-failed", "description");
        MvcResult unknown = postJson("/api/v1/leaks/reports", Map.of("itemId", UUID.randomUUID().toString(),
                "description", "存在しない項目"));
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(problemType(unknown)).contains("/problems/validation-failed", "itemId");

        // a report with a fingerprint nobody received is refused as a whole: no report without its investigation
        int before = json.readTree(mvc.perform(get("/api/v1/leaks/reports").header("Authorization", bearer(auditor)))
                .andReturn().getResponse().getContentAsString()).size();
        MvcResult forged = postJson("/api/v1/leaks/reports", Map.of("description", "偽の追跡結果",
                "fingerprint", "00000000deadbeef"));
        assertThat(forged.getResponse().getStatus()).isEqualTo(400);
        assertThat(problemType(forged)).contains("fingerprint");
        assertThat(json.readTree(mvc.perform(get("/api/v1/leaks/reports").header("Authorization", bearer(auditor)))
                .andReturn().getResponse().getContentAsString()).size()).isEqualTo(before);
    }

    private void assertValidationFailed(String id, Map<String, Object> decision, String field) throws Exception {
        MvcResult result = postJson("/api/v1/leaks/reports/" + id + "/decision", decision);
        assertThat(result.getResponse().getStatus()).as(decision + " " + problemType(result)).isEqualTo(400);
        assertThat(problemType(result)).as(decision.toString()).contains("/problems/validation-failed")
                .contains("\"" + field + "\"");
    }

    private MvcResult postJson(String path, Map<String, ?> body) throws Exception {
        return mvc.perform(post(path).header("Authorization", bearer(auditor)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn();
    }
}
