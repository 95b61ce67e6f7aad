package org.banso.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.support.ApiAccounts.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * R7 end to end through the REST API with the real council module: a K Program project's council is created with it
 * (PROPOSED, the PI a required consenter); no activation and no disbursement before the PI consents and the ministry
 * establishes it; then the council cannot be dissolved while the project is active.
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
        // The council module lets only an official of the competent ministry propose its council, so the person
        // awarding a K Program project is here both funding officer and official of that ministry.
        String awarder = token(fixtures.user(ministry, Role.FUNDING_OFFICER, Role.MINISTRY_OFFICIAL));
        ResultActions awarded = award(awarder).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AWARDED"))
                .andExpect(jsonPath("$.councilStatus").value("PROPOSED"));
        String project = id(awarded);
        String council = json.readTree(awarded.andReturn().getResponse().getContentAsString()).get("councilId")
                .asString();
        mvc.perform(get("/api/v1/councils/" + council).header("Authorization", bearer(awarder)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.requiredConsenterIds[0]").value(pi.id().value().toString()));

        activate(project, awarder).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/council-not-established"));
        disburse(project, awarder).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/council-not-established"));

        mvc.perform(post("/api/v1/councils/" + council + "/consents").header("Authorization", bearer(token(pi)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"CONSENT\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/councils/" + council + "/establish").header("Authorization", bearer(awarder)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ESTABLISHED"));

        activate(project, awarder).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        disburse(project, awarder).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/councils/" + council + "/dissolve").header("Authorization", bearer(awarder)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/council-has-active-project"));
        mvc.perform(get("/api/v1/councils/" + council).header("Authorization", bearer(awarder)))
                .andExpect(jsonPath("$.status").value("ESTABLISHED"));
    }

    @Test
    void aFundingOfficerOutsideTheCompetentMinistryCannotAwardAKProgramProjectAndNothingIsWritten()
            throws Exception { // R7
        String fundingAgencyOfficer = token(fixtures.user(fixtures.organization(OrganizationKind.FUNDING_AGENCY),
                Role.FUNDING_OFFICER));
        long before = entries();
        award(fundingAgencyOfficer).andExpect(status().isForbidden());
        assertThat(entries()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from funding_project where fund_id = ?").param(UUID.fromString(fund))
                .query(Long.class).single()).isZero();
    }

    private ResultActions award(String token) throws Exception {
        return mvc.perform(post("/api/v1/projects").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("title", "量子暗号通信の社会実装", "program", "K_PROGRAM",
                        "fundId", fund, "technologyId", fixtures.technology().value(),
                        "principalInvestigatorId", pi.id().value(), "organizationIds", List.of(startup.value()),
                        "budget", 600_000L, "competentMinistryId", ministry.value(),
                        "socialImplementationLeadId", startup.value()))));
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
