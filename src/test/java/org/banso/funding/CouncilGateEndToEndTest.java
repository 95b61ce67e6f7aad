package org.banso.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.support.ApiAccounts.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * R7 end to end through the REST API with the real council module: a K Program project's council is created with it
 * (PROPOSED, the PI a required consenter, the named official of the competent ministry representing it, the awarding
 * funding officer recorded as who acted); no activation and no disbursement before the PI consents and the ministry
 * establishes it; then the council cannot be dissolved while the project is active. A missing or unfit
 * representative is refused with nothing written; the application's draft plan goes to the council.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class CouncilGateEndToEndTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;
    @Autowired
    JdbcClient jdbc;

    FundingFixtures fixtures;
    ApiAccounts accounts;
    OrganizationId ministry;
    OrganizationId startup;
    BansoUser pi;
    String programOfficer;
    String fund;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new FundingFixtures(identity, technologies);
        accounts = new ApiAccounts(mvc, json);
        ministry = fixtures.organization(OrganizationKind.MINISTRY);
        startup = fixtures.organization(OrganizationKind.STARTUP);
        pi = fixtures.user(startup, Role.RESEARCHER);
        programOfficer = token(fixtures.user(ministry, Role.PROGRAM_OFFICER));
        fund = id(mvc.perform(post("/api/v1/funds").header("Authorization", bearer(programOfficer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", ApiAccounts.unique("K基金 "), "program", "K_PROGRAM")))));
        mvc.perform(post("/api/v1/funds/" + fund + "/ledger").header("Authorization", bearer(programOfficer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("kind", "APPROPRIATION", "amount", 1_000_000L))))
                .andExpect(status().isCreated());
    }

    @Test
    void aKProgramProjectWaitsForItsEstablishedCouncilAndKeepsItWhileActive() throws Exception { // R7
        // A funding officer of a funding agency awards; the named ministry official represents the competent
        // ministry in the council that comes with the project.
        BansoUser officer = fixtures.user(fixtures.organization(OrganizationKind.FUNDING_AGENCY),
                Role.FUNDING_OFFICER);
        String awarder = token(officer);
        BansoUser representative = fixtures.user(ministry, Role.MINISTRY_OFFICIAL);
        String ministryOfficial = token(representative);
        ResultActions awarded = award(awarder, representative.id().value()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AWARDED"))
                .andExpect(jsonPath("$.councilStatus").value("PROPOSED"));
        String project = id(awarded);
        String council = json.readTree(awarded.andReturn().getResponse().getContentAsString()).get("councilId")
                .asString();
        mvc.perform(get("/api/v1/councils/" + council).header("Authorization", bearer(ministryOfficial)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.requiredConsenterIds[0]").value(pi.id().value().toString()))
                .andExpect(jsonPath("$.participants[0].role").value("COMPETENT_MINISTRY"))
                .andExpect(jsonPath("$.participants[0].representativeId")
                        .value(representative.id().value().toString()));
        // the council's records name who acted: the awarding officer
        UUID councilId = UUID.fromString(council);
        assertThat(jdbc.sql("select proposed_by from council_council where id = ?").param(councilId)
                .query(UUID.class).single()).isEqualTo(officer.id().value());
        assertThat(jdbc.sql("select joined_by from council_participant where council_id = ?").param(councilId)
                .query(UUID.class).single()).isEqualTo(officer.id().value());

        activate(project, awarder).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/council-not-established"));
        disburse(project, awarder).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/council-not-established"));

        mvc.perform(post("/api/v1/councils/" + council + "/consents").header("Authorization", bearer(token(pi)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"CONSENT\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/councils/" + council + "/establish").header("Authorization",
                        bearer(ministryOfficial)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ESTABLISHED"));

        activate(project, awarder).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        disburse(project, awarder).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/councils/" + council + "/dissolve").header("Authorization",
                        bearer(ministryOfficial)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/council-has-active-project"));
        mvc.perform(get("/api/v1/councils/" + council).header("Authorization", bearer(ministryOfficial)))
                .andExpect(jsonPath("$.status").value("ESTABLISHED"));
    }

    @Test
    void anAwarderWhoIsAnOfficialOfTheCompetentMinistryMayOmitTheRepresentative() throws Exception { // R7
        BansoUser awarder = fixtures.user(ministry, Role.FUNDING_OFFICER, Role.MINISTRY_OFFICIAL);
        ResultActions awarded = award(token(awarder), null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.councilStatus").value("PROPOSED"));
        String council = json.readTree(awarded.andReturn().getResponse().getContentAsString()).get("councilId")
                .asString();
        mvc.perform(get("/api/v1/councils/" + council).header("Authorization", bearer(token(awarder))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participants[0].representativeId").value(awarder.id().value().toString()));
    }

    @Test
    void aFundingAgencyOfficerWhoNamesNoRepresentativeIsRefusedAndNothingIsWritten() throws Exception { // R7
        String officer = token(fixtures.user(fixtures.organization(OrganizationKind.FUNDING_AGENCY),
                Role.FUNDING_OFFICER));
        refusedOnRepresentative(() -> award(officer, null));
    }

    @Test
    void aRepresentativeFromAnotherMinistryIsRefusedAndNothingIsWritten() throws Exception { // R7
        String officer = token(fixtures.user(fixtures.organization(OrganizationKind.FUNDING_AGENCY),
                Role.FUNDING_OFFICER));
        BansoUser elsewhere = fixtures.user(fixtures.organization(OrganizationKind.MINISTRY), Role.MINISTRY_OFFICIAL);
        refusedOnRepresentative(() -> award(officer, elsewhere.id().value()));
    }

    @Test
    void aRepresentativeWhoIsNotAMinistryOfficialIsRefusedAndNothingIsWritten() throws Exception { // R7
        String officer = token(fixtures.user(fixtures.organization(OrganizationKind.FUNDING_AGENCY),
                Role.FUNDING_OFFICER));
        BansoUser programOfficer = fixtures.user(ministry, Role.PROGRAM_OFFICER);
        refusedOnRepresentative(() -> award(officer, programOfficer.id().value()));
        refusedOnRepresentative(() -> award(officer, UUID.randomUUID()));
    }

    @Test
    void aDisabledRepresentativeIsRefusedAndNothingIsWritten() throws Exception { // R7
        String officer = token(fixtures.user(fixtures.organization(OrganizationKind.FUNDING_AGENCY),
                Role.FUNDING_OFFICER));
        BansoUser representative = fixtures.user(ministry, Role.MINISTRY_OFFICIAL);
        identity.setEnabled(representative.id(), false, fixtures.admin());
        refusedOnRepresentative(() -> award(officer, representative.id().value()));
    }

    @Test
    void onlyAFundingOfficerAwardsEvenAnOfficialOfTheCompetentMinistryIsRefused() throws Exception { // R7
        BansoUser official = fixtures.user(ministry, Role.MINISTRY_OFFICIAL);
        long before = entries();
        award(token(official), official.id().value()).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        assertThat(entries()).isEqualTo(before);
        assertThat(projects()).isZero();
    }

    @Test
    void theApplicationsDraftPlanBecomesTheDraftOfTheCouncilsFirstInformationManagementProposal()
            throws Exception { // R7
        String officer = token(fixtures.user(fixtures.organization(OrganizationKind.FUNDING_AGENCY),
                Role.FUNDING_OFFICER));
        BansoUser representative = fixtures.user(ministry, Role.MINISTRY_OFFICIAL);
        String call = id(mvc.perform(post("/api/v1/calls").header("Authorization", bearer(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("fundId", fund, "title", "K Program 公募",
                        "type", "PROJECT", "technologyIds", List.of(fixtures.technology().value()),
                        "opensAt", java.time.Instant.now().minusSeconds(3600).toString(),
                        "closesAt", java.time.Instant.now().plusSeconds(86400).toString(),
                        "budgetCap", 500_000L)))).andExpect(status().isCreated()));
        String application = id(mvc.perform(post("/api/v1/calls/" + call + "/applications")
                .header("Authorization", bearer(token(pi))).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("title", "量子中継器の実証", "eradNumber", "90050426",
                        "orcid", "0000-0002-1825-0097", "team", List.of(), "directCost", 300_000L,
                        "openClosePlan", Map.of("controlled", "中継器の較正手順", "fromWhom", "協議会の外の者",
                                "months", 18, "reason", "再現の容易な製造ノウハウ")))))
                .andExpect(status().isCreated()));
        Map<String, Object> terms = new java.util.HashMap<>(Map.of("competentMinistryId", ministry.value(),
                "socialImplementationLeadId", startup.value(), "socialImplementationPlan", "新興企業が製品化"));
        mvc.perform(post("/api/v1/applications/" + application + "/award").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(terms)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'competentMinistryRepresentativeId')]").exists());
        terms.put("competentMinistryRepresentativeId", representative.id().value());
        ResultActions awarded = mvc.perform(post("/api/v1/applications/" + application + "/award")
                        .header("Authorization", bearer(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(terms)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.councilStatus").value("PROPOSED"));
        String council = json.readTree(awarded.andReturn().getResponse().getContentAsString()).get("councilId")
                .asString();
        mvc.perform(get("/api/v1/councils/" + council).header("Authorization", bearer(token(representative))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.informationManagementDraft",
                        org.hamcrest.Matchers.containsString("中継器の較正手順")))
                .andExpect(jsonPath("$.informationManagementDraft",
                        org.hamcrest.Matchers.containsString("再現の容易な製造ノウハウ")));

        // the council page shows the draft; once established, a pledged participant proposes from it
        MockHttpSession official = signIn(representative);
        mvc.perform(get("/councils/" + council).session(official).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Draft information-management plan from the application")))
                .andExpect(content().string(containsString("中継器の較正手順")))
                .andExpect(content().string(not(containsString("propose-from-draft"))));
        mvc.perform(post("/api/v1/councils/" + council + "/consents").header("Authorization", bearer(token(pi)))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"CONSENT\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/councils/" + council + "/establish")
                .header("Authorization", bearer(token(representative)))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/councils/" + council + "/pledges")
                        .header("Authorization", bearer(token(representative))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accept\":true}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/councils/" + council).session(official).param("lang", "ja"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("prefillFromDraft", false))
                .andExpect(content().string(containsString("この案から提案する")));
        MvcResult prefilled = mvc.perform(get("/councils/" + council).session(official)
                        .param("draft", "information-management").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("prefillFromDraft", true))
                .andExpect(content().string(containsString("Propose from this draft")))
                .andReturn();
        String html = prefilled.getResponse().getContentAsString();
        assertThat(html).containsPattern("<option value=\"INFORMATION_MANAGEMENT\" selected=\"selected\"")
                .containsPattern("(?s)<textarea id=\"body\"[^>]*>管理する情報 / Controlled: 中継器の較正手順");
        // the PI (a required consenter, not a pledged participant) sees the draft but cannot propose from it
        mvc.perform(get("/councils/" + council).session(signIn(pi)).param("draft", "information-management"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("prefillFromDraft", false))
                .andExpect(content().string(containsString("中継器の較正手順")))
                .andExpect(content().string(not(containsString("propose-from-draft"))));
    }

    private MockHttpSession signIn(BansoUser user) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", user.username())
                .param("password", ApiAccounts.PASSWORD)).andReturn().getRequest().getSession();
    }

    @Test
    void theOpenApiDescriptionDocumentsTheRepresentativeOnBothAwardRequests() throws Exception { // R7
        var docs = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        List<String> described = new java.util.ArrayList<>();
        docs.get("components").get("schemas").properties().forEach(schema -> {
            var property = schema.getValue().path("properties").path("competentMinistryRepresentativeId");
            if (!property.isMissingNode() && property.path("description").asString("").contains("MINISTRY_OFFICIAL")) {
                described.add(schema.getKey());
            }
        });
        assertThat(described).as("request schemas documenting competentMinistryRepresentativeId").hasSize(2);
        assertThat(docs.get("paths").get("/api/v1/projects").get("post")).isNotNull();
        assertThat(docs.get("paths").get("/api/v1/applications/{id}/award").get("post")).isNotNull();
    }

    private interface Award {
        ResultActions perform() throws Exception;
    }

    /** 400 validation-failed on the representative field, and no ledger entry, project or council written. */
    private void refusedOnRepresentative(Award award) throws Exception {
        long before = entries();
        long councils = councilsOfMinistry();
        award.perform().andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[?(@.field == 'competentMinistryRepresentativeId')]").exists());
        assertThat(entries()).isEqualTo(before);
        assertThat(projects()).isZero();
        assertThat(councilsOfMinistry()).isEqualTo(councils);
    }

    private long projects() {
        return jdbc.sql("select count(*) from funding_project where fund_id = ?").param(UUID.fromString(fund))
                .query(Long.class).single();
    }

    private long councilsOfMinistry() {
        return jdbc.sql("select count(*) from council_council where competent_ministry_id = ?")
                .param(ministry.value()).query(Long.class).single();
    }

    private ResultActions award(String token, UUID representative) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "量子暗号通信の社会実装",
                "program", "K_PROGRAM", "fundId", fund, "technologyId", fixtures.technology().value(),
                "principalInvestigatorId", pi.id().value(), "organizationIds", List.of(startup.value()),
                "budget", 600_000L, "competentMinistryId", ministry.value(),
                "socialImplementationLeadId", startup.value()));
        if (representative != null) {
            body.put("competentMinistryRepresentativeId", representative);
        }
        return mvc.perform(post("/api/v1/projects").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private ResultActions activate(String project, String token) throws Exception {
        return mvc.perform(post("/api/v1/projects/" + project + "/activate").header("Authorization", bearer(token)));
    }

    private ResultActions disburse(String project, String token) throws Exception {
        return mvc.perform(post("/api/v1/projects/" + project + "/disbursements").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":1000}"));
    }

    private long entries() {
        return jdbc.sql("select count(*) from funding_ledger_entry where fund_id = ?").param(UUID.fromString(fund))
                .query(Long.class).single();
    }

    private String token(BansoUser user) throws Exception {
        return accounts.token(user.username(), ApiAccounts.PASSWORD);
    }

    private String id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asString();
    }
}
