package org.banso.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.support.ApiAccounts.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import tools.jackson.databind.json.JsonMapper;

/** What operators and integrators rely on: the OpenAPI description, health, metrics behind sign-in. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class OperationsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    ResourceUrlProvider resourceUrls;

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

    @Test
    void thePagesFilesAreServedUnderTheirPrefixesAndNothingElseIsAFile() throws Exception {
        mvc.perform(get("/css/banso.css")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=3600")));
        mvc.perform(get("/js/banso.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        // the page links them; the resource chain gives htmx its version
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/css/banso.css\"")))
                .andExpect(content().string(
                        matchesPattern("(?s).*src=\"/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js\".*")));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        // #13: no catch-all — with one, every link a page writes was looked up in the class path by the resource chain
        assertThat(resourceUrls.getHandlerMap().keySet()).map(Object::toString)
                .contains("/css/**", "/js/**", "/webjars/**").doesNotContain("/**");
    }
}
