package org.banso.thinktank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.support.ApiAccounts.bearer;
import static org.banso.support.ApiAccounts.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.banso.support.ApiAccounts;
import org.banso.support.ApiScript;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R20: the think tank's deliverables reach a council as REPORT items, controlled like any other item — the submitter
 * must be a pledged member of a current participant, and only the council's members see the report.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class DeliverableSubmissionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    ApiScript api;
    String admin;
    Person official;
    Person analyst;
    Person otherAnalyst;
    Person researcher;
    String commission;
    String deliverable;
    String council;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiScript(mvc, json);
        admin = api.admin();
        official = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        String thinkTank = api.organization("THINK_TANK");
        analyst = api.person(thinkTank, "ANALYST");
        otherAnalyst = api.person(api.organization("THINK_TANK"), "ANALYST");

        String entity = api.call("POST", "/api/v1/thinktank/entities", official.token(), Map.of(
                "organizationId", thinkTank, "analysisCapability", "国内外の技術動向の分析",
                "hubCapability", "産学官の情報ハブ", "talentCapability", "若手研究者の育成",
                "confidentialityAgreedAt", "2026-04-01T00:00:00Z"), 201).get("id").asString();
        JsonNode created = api.call("POST", "/api/v1/thinktank/commissions", official.token(), Map.of(
                "entityId", entity, "subject", "量子技術の国際動向調査", "technologyIds", List.of(),
                "periodStart", "2026-04-01", "periodEnd", "2029-03-31",
                "deliverables", List.of(Map.of("title", "年次報告書 2026", "dueOn", "2027-03-31"))), 201);
        commission = created.get("id").asString();
        deliverable = created.get("deliverables").get(0).get("id").asString();

        researcher = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        council = establishedCouncil();
        api.sign(council, official);
        api.call("POST", "/api/v1/councils/" + council + "/participants", official.token(), Map.of(
                "organizationId", thinkTank, "role", "THINK_TANK", "representativeId", analyst.id(),
                "memberIds", List.of()), 201);
    }

    @Test
    void r20_theCommissionedEntitySubmitsADeliverableAsAReportItemOnlyTheCouncilSees() throws Exception {
        api.sign(council, analyst);
        JsonNode submitted = submit(analyst, council, "第一版");
        assertThat(statusOf(submitted)).isEqualTo(200);
        JsonNode delivered = submitted.get("body").get("deliverables").get(0);
        String item = delivered.get("itemId").asString();
        assertThat(delivered.get("councilId").asString()).isEqualTo(council);
        assertThat(delivered.get("submittedAt").isNull()).isFalse();

        JsonNode view = api.call("GET", "/api/v1/items/" + item, official.token(), null, 200);
        assertThat(view.get("category").asString()).isEqualTo("REPORT");
        assertThat(view.get("marking").asString()).as("controlled like any council item").isEqualTo("COUNCIL");
        assertThat(view.get("title").asString()).isEqualTo("年次報告書 2026");
        api.problem("GET", "/api/v1/items/" + item, otherAnalyst.token(), null, 404, "not-found");
        api.problem("GET", "/api/v1/items/" + item, admin, null, 404, "not-found");
    }

    @Test
    void r17_r20_theReportIsFoundByItsContentOnlyByThoseWhoMayReadIt() throws Exception { // issue #17
        api.sign(council, analyst);
        String marker = unique("tt").replace("-", "");
        String item = submit(analyst, council, "半導体の供給網の分析 " + marker).get("body").get("deliverables").get(0)
                .get("itemId").asString();

        for (Person reader : List.of(official, analyst)) {
            JsonNode found = search(marker, reader.token());
            assertThat(found.get("total").asLong()).as(reader.username()).isEqualTo(1);
            JsonNode hit = found.get("hits").get(0);
            assertThat(hit.get("kind").asString()).isEqualTo("ITEM");
            assertThat(hit.get("id").asString()).isEqualTo(item);
            assertThat(hit.get("category").asString()).isEqualTo("REPORT");
            assertThat(hit.get("title").asString()).isEqualTo("年次報告書 2026");
            assertThat(hit.get("snippet").asString()).contains("<mark>" + marker + "</mark>");
        }
        // the information policy decides (R17): no member of the council, no report — nor a count or a facet of it
        for (String stranger : new String[] {otherAnalyst.token(), researcher.token(), admin, null}) {
            JsonNode none = search(marker, stranger);
            assertThat(none.get("total").asLong()).isZero();
            assertThat(none.get("hits")).isEmpty();
            assertThat(none.get("facets").get("kind")).isEmpty();
        }

        MockHttpSession session = signIn(official);
        mvc.perform(get("/search").param("q", marker).param("lang", "ja").session(session))
                .andExpect(content().string(containsString(">情報 · 報告書</span>")))
                .andExpect(content().string(containsString("href=\"/items/" + item + "\"")));
        mvc.perform(get("/search").param("q", marker).param("lang", "en").session(session))
                .andExpect(content().string(containsString(">Information · Report</span>")))
                .andExpect(content().string(containsString("1 result for")));
        mvc.perform(get("/search").param("q", marker).param("lang", "ja").session(signIn(otherAnalyst)))
                .andExpect(content().string(not(containsString("年次報告書 2026"))))
                .andExpect(content().string(containsString("0件")));
    }

    private JsonNode search(String q, String token) throws Exception {
        var request = get("/api/v1/search").param("q", q);
        if (token != null) {
            request.header("Authorization", bearer(token));
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void r20_submittingAgainAddsAVersionToTheSameItem() throws Exception {
        api.sign(council, analyst);
        String first = submit(analyst, council, "第一版").get("body").get("deliverables").get(0)
                .get("itemId").asString();
        JsonNode again = submit(analyst, null, "第二版");
        assertThat(statusOf(again)).isEqualTo(200);
        assertThat(again.get("body").get("deliverables").get(0).get("itemId").asString()).isEqualTo(first);
        assertThat(api.call("GET", "/api/v1/items/" + first, official.token(), null, 200).get("versions")).hasSize(2);

        String elsewhere = establishedCouncil();
        JsonNode moved = submit(analyst, elsewhere, "第三版");
        assertThat(statusOf(moved)).isEqualTo(400);
        assertThat(moved.get("body").get("type").asString()).isEqualTo("/problems/validation-failed");
        assertThat(api.call("GET", "/api/v1/items/" + first, official.token(), null, 200).get("versions")).hasSize(2);
    }

    @Test
    void r20_aSubmitterWithoutASignedPledgeIsRefusedAndNothingIsRecorded() throws Exception {
        JsonNode refused = submit(analyst, council, "第一版");
        assertThat(statusOf(refused)).isEqualTo(403);
        assertThat(refused.get("body").get("type").asString()).isEqualTo("/problems/pledge-required");
        assertUnsubmitted();
    }

    @Test
    void r20_aCouncilTheEntityDoesNotTakePartInIsNotFound() throws Exception {
        String foreign = establishedCouncil();
        JsonNode refused = submit(analyst, foreign, "第一版");
        assertThat(statusOf(refused)).isEqualTo(404);
        assertThat(refused.get("body").get("type").asString()).isEqualTo("/problems/not-found");
        assertUnsubmitted();
    }

    @Test
    void r20_onlyTheCommissionedEntitySubmitsAndOthersDoNotLearnOfTheCommission() throws Exception {
        api.sign(council, analyst);
        JsonNode byOutsider = submit(otherAnalyst, council, "偽の報告");
        assertThat(statusOf(byOutsider)).isEqualTo(404);
        assertThat(byOutsider.get("body").get("type").asString()).isEqualTo("/problems/not-found");
        JsonNode byMinistry = submit(official, council, "省の版");
        assertThat(statusOf(byMinistry)).isEqualTo(403);
        assertThat(byMinistry.get("body").get("type").asString()).isEqualTo("/problems/forbidden");
        JsonNode noCouncil = submit(analyst, null, "第一版");
        assertThat(statusOf(noCouncil)).isEqualTo(400);
        assertThat(noCouncil.get("body").get("errors").get(0).get("field").asString()).isEqualTo("councilId");
        assertUnsubmitted();
    }

    private String establishedCouncil() throws Exception {
        String id = api.call("POST", "/api/v1/councils", official.token(), Map.of("name", unique("協議会-"),
                "competentMinistryId", official.organizationId(), "projectIds", List.of(),
                "requiredConsenterIds", List.of(researcher.id())), 201).get("id").asString();
        api.call("POST", "/api/v1/councils/" + id + "/consents", researcher.token(), Map.of("decision", "CONSENT"), 200);
        api.call("POST", "/api/v1/councils/" + id + "/establish", official.token(), null, 200);
        return id;
    }

    @Test
    void r20_theCommissionPageSubmitsADeliverableInJapaneseAndEnglish() throws Exception {
        MockHttpSession session = signIn(analyst);
        mvc.perform(get("/thinktank/entities").session(session))
                .andExpect(content().string(containsString("報告書として提出する")))
                .andExpect(content().string(containsString("value=\"" + council + "\"")));
        // issue 17: the refusal comes back on the deliverable's row, with the error summary linking to it
        mvc.perform(pageSubmission(session, council))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#councilId\"")))
                .andExpect(content().string(containsString("id=\"councilId-error\"")))
                .andExpect(content().string(containsString("先に誓約書に署名してください（R12）。")));
        assertUnsubmitted();

        api.sign(council, analyst);
        mvc.perform(pageSubmission(session, council))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("deliverableSubmitted", true));
        String item = jdbc.sql("select item_id::text from thinktank_deliverable where id = ?::uuid")
                .param(deliverable).query(String.class).single();
        mvc.perform(get("/thinktank/entities").session(session).param("lang", "en"))
                .andExpect(content().string(containsString("href=\"/items/" + item + "\"")))
                .andExpect(content().string(containsString("Submit a new version")));
        mvc.perform(get("/thinktank/entities").session(signIn(otherAnalyst)))
                .andExpect(content().string(not(containsString("年次報告書 2026"))));
    }

    private RequestBuilder pageSubmission(MockHttpSession session, String councilId) {
        return multipart("/thinktank/commissions/" + commission + "/deliverables/" + deliverable + "/submission")
                .file(new MockMultipartFile("file", "report.txt", "text/plain",
                        "報告書 ページから".getBytes(StandardCharsets.UTF_8)))
                .param("councilId", councilId).session(session).with(csrf());
    }

    private MockHttpSession signIn(Person person) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", person.username())
                .param("password", ApiAccounts.PASSWORD)).andReturn().getRequest().getSession();
    }

    private void assertUnsubmitted() {
        assertThat(jdbc.sql("""
                        select count(*) from thinktank_deliverable
                        where id = ?::uuid and (item_id is not null or submitted_at is not null)""")
                .param(deliverable).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from information_item where council_id = ?::uuid").param(council)
                .query(Long.class).single()).isZero();
    }

    /** Answers {status, body} so refusals can be checked as well as successes. */
    private JsonNode submit(Person person, String councilId, String text) throws Exception {
        var request = multipart("/api/v1/thinktank/commissions/" + commission + "/deliverables/" + deliverable
                + "/submission").file(new MockMultipartFile("file", "report.txt", "text/plain",
                ("報告書 " + text).getBytes(StandardCharsets.UTF_8)));
        if (councilId != null) {
            request.param("councilId", councilId);
        }
        request.header("Authorization", bearer(person.token()));
        MvcResult result = mvc.perform(request).andReturn();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", result.getResponse().getStatus());
        answer.put("body", json.readTree(result.getResponse().getContentAsString()));
        return json.valueToTree(answer);
    }

    private static int statusOf(JsonNode answer) {
        return answer.get("status").asInt();
    }
}
