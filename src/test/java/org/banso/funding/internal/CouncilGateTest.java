package org.banso.funding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.support.ApiAccounts.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.banso.funding.FundingFixtures;
import org.banso.funding.ProjectId;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.technology.TechnologyRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * R7 through the API, with the council side replaced by a recording double of the funding module's own
 * {@link ProjectCouncils} port: the gate itself (activation, disbursement, dissolution veto) is the funding module's.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class CouncilGateTest {

    static final class RecordingCouncils implements ProjectCouncils {
        final Map<ProjectId, String> status = new ConcurrentHashMap<>();
        final Map<ProjectId, UUID> ids = new ConcurrentHashMap<>();
        final Map<ProjectId, UserId> consenters = new ConcurrentHashMap<>();
        final Map<ProjectId, UserId> representatives = new ConcurrentHashMap<>();

        @Override
        public UUID create(ProjectId project, String name, OrganizationId ministry, UserId pi, UserId representative,
                               String draft,
                           BansoUser actor) {
            UUID id = UUID.randomUUID();
            ids.put(project, id);
            status.put(project, "PROPOSED");
            consenters.put(project, pi);
            representatives.put(project, representative);
            return id;
        }

        @Override
        public Optional<String> status(ProjectId project) {
            return Optional.ofNullable(status.get(project));
        }
    }

    @TestConfiguration
    static class Councils {
        @Bean
        @Primary
        RecordingCouncils recordingCouncils() {
            return new RecordingCouncils();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;
    @Autowired
    RecordingCouncils councils;
    @Autowired
    FundingService service;

    @Test
    void aKProgramProjectIsNeitherActivatedNorPaidBeforeItsCouncilIsEstablished() throws Exception { // R7
        ApiAccounts accounts = new ApiAccounts(mvc, json);
        FundingFixtures fixtures = new FundingFixtures(identity, technologies);
        String programOfficer = accounts.tokenFor("po", "PROGRAM_OFFICER");
        String fundingOfficer = accounts.tokenFor("fo", "FUNDING_OFFICER");
        OrganizationId ministry = fixtures.organization(OrganizationKind.MINISTRY);
        OrganizationId startup = fixtures.organization(OrganizationKind.STARTUP);
        UserId pi = fixtures.user(startup, Role.RESEARCHER).id();
        UserId representative = fixtures.user(ministry, Role.MINISTRY_OFFICIAL).id();

        String fund = id(mvc.perform(post("/api/v1/funds").header("Authorization", bearer(programOfficer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", ApiAccounts.unique("K基金 "), "program", "K_PROGRAM")))));
        mvc.perform(post("/api/v1/funds/" + fund + "/ledger").header("Authorization", bearer(programOfficer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("kind", "APPROPRIATION", "amount", 1_000_000L))))
                .andExpect(status().isCreated());
        ResultActions awarded = mvc.perform(post("/api/v1/projects").header("Authorization", bearer(fundingOfficer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", "量子暗号通信", "program", "K_PROGRAM",
                                "fundId", fund, "technologyId", fixtures.technology().value(),
                                "principalInvestigatorId", pi.value(), "organizationIds", List.of(startup.value()),
                                "budget", 600_000L, "competentMinistryId", ministry.value(),
                                "socialImplementationLeadId", startup.value(),
                                "competentMinistryRepresentativeId", representative.value()))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AWARDED"))
                .andExpect(jsonPath("$.councilId").isNotEmpty())
                .andExpect(jsonPath("$.councilStatus").value("PROPOSED"));
        String project = id(awarded);
        ProjectId projectId = new ProjectId(UUID.fromString(project));
        assertThat(councils.consenters.get(projectId)).isEqualTo(pi);
        assertThat(councils.representatives.get(projectId)).isEqualTo(representative);

        mvc.perform(post("/api/v1/projects/" + project + "/activate").header("Authorization", bearer(fundingOfficer)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/council-not-established"));
        disburse(project, fundingOfficer).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/council-not-established"));

        councils.status.put(projectId, "ESTABLISHED");
        UUID council = councils.ids.get(projectId);
        assertThat(service.servesActiveProject(council)).as("not yet active").isFalse();
        mvc.perform(post("/api/v1/projects/" + project + "/activate").header("Authorization", bearer(fundingOfficer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        disburse(project, fundingOfficer).andExpect(status().isCreated());
        assertThat(service.servesActiveProject(council)).as("R7: its council cannot be dissolved now").isTrue();
        mvc.perform(get("/api/v1/projects/" + project).header("Authorization", bearer(fundingOfficer)))
                .andExpect(jsonPath("$.disbursed").value(1_000))
                .andExpect(jsonPath("$.councilStatus").value("ESTABLISHED"));
    }

    private ResultActions disburse(String project, String token) throws Exception {
        return mvc.perform(post("/api/v1/projects/" + project + "/disbursements").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":1000}"));
    }

    private String id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asString();
    }
}
