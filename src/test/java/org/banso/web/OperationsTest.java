package org.banso.web;

import static org.banso.support.ApiAccounts.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** What operators and integrators rely on: the OpenAPI description, health, metrics behind sign-in. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class OperationsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void theOpenApiDescriptionIsPublishedWithTheContractPaths() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Banso REST API"))
                .andExpect(jsonPath("$.paths['/api/v1/auth/token'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organizations'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/users'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/users/me'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/technology-areas'].get").exists())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                // #13: the problems every operation may answer, and the throttled sign-in
                .andExpect(jsonPath("$.paths['/api/v1/organizations'].post.responses['400']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organizations'].post.responses['413']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/auth/token'].post.responses['429']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/users/me/password'].put").exists())
                .andExpect(jsonPath("$.info.description").value(containsString("rate-limited 429")));
    }

    @Test
    void healthIsPublicButMetricsNeedAnAdministrator() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        String researcher = new ApiAccounts(mvc, json).tokenFor("res", "RESEARCHER");
        mvc.perform(get("/actuator/prometheus").header("Authorization", bearer(researcher)))
                .andExpect(status().isForbidden());
        String admin = new ApiAccounts(mvc, json).adminToken();
        mvc.perform(get("/actuator/prometheus").header("Authorization", bearer(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }
}
