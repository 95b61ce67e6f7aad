package org.banso.funding;

import static org.banso.support.ApiAccounts.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.technology.TechnologyRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Calls, applications, reviews with conflict-of-interest declarations, awards into projects. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class CallsApiTest {

    static final String ERAD = "90050426";
    static final String ORCID = "0000-0002-1825-0097";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;

    FundingFixtures fixtures;
    OrganizationId ministry;
    OrganizationId university;
    String programOfficer;
    String fundingOfficer;
    String researcher;
    String fund;
    String call;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new FundingFixtures(identity, technologies);
        ministry = fixtures.organization(OrganizationKind.MINISTRY);
        university = fixtures.organization(OrganizationKind.UNIVERSITY);
        programOfficer = token(fixtures.user(ministry, Role.PROGRAM_OFFICER));
        fundingOfficer = token(fixtures.user(ministry, Role.FUNDING_OFFICER));
        researcher = token(fixtures.user(university, Role.RESEARCHER));
        fund = id(mvc.perform(post("/api/v1/funds").header("Authorization", bearer(programOfficer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", ApiAccounts.unique("公募基金 "), "program", "OTHER")))));
        mvc.perform(post("/api/v1/funds/" + fund + "/ledger").header("Authorization", bearer(programOfficer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("kind", "APPROPRIATION", "amount", 10_000_000L))));
        call = id(openCall(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.open").value(true)));
    }

    @Test
    void anApplicationGetsItsIndirectCostAtThirtyPercentInIntegerYen() throws Exception {
        apply(researcher, application(1_000_001L)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.indirectRatePercent").value(30))
                .andExpect(jsonPath("$.indirectCost").value(300_000))
                .andExpect(jsonPath("$.totalCost").value(1_300_001))
                .andExpect(jsonPath("$.openClosePlan.months").value(24))
                .andExpect(jsonPath("$.warnings", hasSize(0)));
    }

    @Test
    void eradNumberAndOrcidMustPassTheirCheckRules() throws Exception {
        Map<String, Object> body = application(1_000L);
        body.put("eradNumber", "90050427");
        body.put("orcid", "0000-0002-1825-0098");
        apply(researcher, body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("eradNumber")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("orcid")));
    }

    @Test
    void anApplicationWithoutADraftOpenClosePlanIsRefused() throws Exception {
        Map<String, Object> body = application(1_000L);
        body.remove("openClosePlan");
        apply(researcher, body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("openClosePlan"));
    }

    @Test
    void anApplicationAboveTheBudgetCapOrOutsideTheWindowIsRefused() throws Exception {
        apply(researcher, application(4_000_000L)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("budget-cap"));
        String closed = id(openCall(Instant.now().minus(Duration.ofDays(10)), Instant.now().minus(Duration.ofDays(1))));
        mvc.perform(post("/api/v1/calls/" + closed + "/applications").header("Authorization", bearer(researcher))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(application(1_000L))))
                .andExpect(status().isConflict());
    }

    @Test
    void aReviewerWhoDeclaredAConflictOfInterestCannotScore() throws Exception {
        String application = id(apply(researcher, application(1_000L)));
        String conflicted = token(fixtures.user(fixtures.organization(OrganizationKind.THINK_TANK), Role.ANALYST));
        mvc.perform(post("/api/v1/applications/" + application + "/declarations")
                        .header("Authorization", bearer(conflicted)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"conflict\":true,\"reason\":\"共同研究者\"}"))
                .andExpect(status().isCreated());
        score(conflicted, application, 5).andExpect(status().isForbidden());
    }

    @Test
    void aReviewerMustDeclareBeforeScoringAndSeesTheDraftOpenClosePlan() throws Exception {
        String application = id(apply(researcher, application(1_000L)));
        String reviewer = token(fixtures.user(fixtures.organization(OrganizationKind.THINK_TANK), Role.ANALYST));
        score(reviewer, application, 4).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/applications/" + application).header("Authorization", bearer(reviewer)))
                .andExpect(jsonPath("$.openClosePlan.controlled").value("試料の作製条件"));
        mvc.perform(post("/api/v1/applications/" + application + "/declarations")
                        .header("Authorization", bearer(reviewer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"conflict\":false}"))
                .andExpect(status().isCreated());
        score(reviewer, application, 4).andExpect(status().isCreated()).andExpect(jsonPath("$.score").value(4));
        score(reviewer, application, 5).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/already-responded"));
    }

    @Test
    void aReviewerFromTheApplicantsOrganizationCannotDeclareNoConflict() throws Exception {
        String application = id(apply(researcher, application(1_000L)));
        String colleague = token(fixtures.user(university, Role.ANALYST));
        mvc.perform(post("/api/v1/applications/" + application + "/declarations")
                        .header("Authorization", bearer(colleague)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"conflict\":false}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("conflict-of-interest"));
    }

    @Test
    void anAwardedApplicationBecomesAProjectAndLaterApplicationsWarnOfDuplicateFunding() throws Exception {
        String application = id(apply(researcher, application(1_000_000L)));
        OrganizationId company = fixtures.organization(OrganizationKind.COMPANY);
        Map<String, Object> terms = Map.of("competentMinistryId", ministry.value(),
                "socialImplementationLeadId", company.value(), "socialImplementationPlan", "企業が製品化");
        mvc.perform(post("/api/v1/applications/" + application + "/award").header("Authorization",
                        bearer(fundingOfficer)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(terms)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.budget").value(1_300_000))
                .andExpect(jsonPath("$.informationManagementDraft", containsString("試料の作製条件")))
                .andExpect(jsonPath("$.status").value("AWARDED"));
        mvc.perform(post("/api/v1/applications/" + application + "/award").header("Authorization",
                        bearer(fundingOfficer)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(terms)))
                .andExpect(status().isConflict());
        Map<String, Object> second = application(2_000L);
        second.put("title", "別の課題");
        apply(researcher, second).andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0]", startsWith("duplicate-funding")));
    }

    // ------------------------------------------------------------------ helpers

    private ResultActions openCall(Instant opens, Instant closes) throws Exception {
        return mvc.perform(post("/api/v1/calls").header("Authorization", bearer(fundingOfficer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("fundId", fund, "title", "量子技術の公募",
                        "type", "INDIVIDUAL_RESEARCH", "technologyIds", List.of(fixtures.technology().value()),
                        "opensAt", opens.toString(), "closesAt", closes.toString(), "budgetCap", 5_000_000L))));
    }

    private Map<String, Object> application(long directCost) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "量子センサの基礎研究");
        body.put("eradNumber", ERAD);
        body.put("orcid", ORCID);
        body.put("team", List.of(Map.of("name", "研究 花子", "eradNumber", ERAD, "role", "分担者")));
        body.put("directCost", directCost);
        body.put("openClosePlan", Map.of("controlled", "試料の作製条件", "fromWhom", "協議会の外の者",
                "months", 24, "reason", "製造ノウハウの流出防止"));
        return body;
    }

    private ResultActions apply(String token, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/calls/" + call + "/applications").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private ResultActions score(String token, String application, int score) throws Exception {
        return mvc.perform(post("/api/v1/applications/" + application + "/reviews")
                .header("Authorization", bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("score", score, "comment", "妥当"))));
    }

    private String token(BansoUser user) throws Exception {
        return new ApiAccounts(mvc, json).token(user.username(), ApiAccounts.PASSWORD);
    }

    private String id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asString();
    }
}
