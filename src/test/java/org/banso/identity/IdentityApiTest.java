package org.banso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import static org.banso.support.ApiAccounts.bearer;
import static org.banso.support.ApiAccounts.unique;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** Identity through the REST API, on PostgreSQL: accounts, organizations, tokens, throttling, uniform 401s. */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class IdentityApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    /** a spy: {@link TestClockConfiguration} wraps the application's encoder */
    @Autowired
    PasswordEncoder passwordEncoder;

    ApiAccounts accounts;
    String adminToken;

    @BeforeEach
    void signInAsAdmin() throws Exception {
        accounts = new ApiAccounts(mvc, json);
        adminToken = accounts.adminToken();
    }

    @Test
    void adminRegistersAnOrganizationWithAValidCorporateNumber() throws Exception {
        String name = unique("組織");
        mvc.perform(post("/api/v1/organizations").header("Authorization", bearer(adminToken))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","nameEn":"Org","kind":"COMPANY","corporateNumber":null}""".formatted(name)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.kind").value("COMPANY"));
        mvc.perform(get("/api/v1/organizations").header("Authorization", bearer(adminToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '%s')]".formatted(name)).exists());
    }

    @Test
    void aWrongCheckDigitIsRefusedAndNothingIsWritten() throws Exception {
        long before = organizationCount();
        mvc.perform(post("/api/v1/organizations").header("Authorization", bearer(adminToken))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","nameEn":"Org","kind":"MINISTRY","corporateNumber":"6000012050002"}"""
                                .formatted(unique("省"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("corporateNumber"));
        assertThat(organizationCount()).isEqualTo(before);
    }

    @Test
    void missingFieldsAreAllListed() throws Exception {
        mvc.perform(post("/api/v1/users").header("Authorization", bearer(adminToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "username", "displayName", "email", "organizationId", "roles", "password")));
    }

    @Test
    void malformedJsonIsAValidationProblem() throws Exception {
        mvc.perform(post("/api/v1/organizations").header("Authorization", bearer(adminToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"));
        mvc.perform(post("/api/v1/organizations").header("Authorization", bearer(adminToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"kind\":\"PLANET\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"));
    }

    @Test
    void wrongMediaTypeIsUnsupported() throws Exception {
        mvc.perform(post("/api/v1/organizations").header("Authorization", bearer(adminToken))
                        .contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("/problems/unsupported-media-type"));
    }

    @Test
    void onlyAnAdministratorManagesAccounts() throws Exception {
        String researcher = createUser("res", Role.RESEARCHER);
        String token = token(researcher, "correct-horse-battery");
        mvc.perform(post("/api/v1/organizations").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"nameEn\":\"x\",\"kind\":\"OTHER\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(get("/api/v1/users").header("Authorization", bearer(token)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users/me").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(researcher))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
    }

    @Test
    void anotherAccountIsNotFoundForANonAdministrator() throws Exception {
        String researcher = createUser("res", Role.RESEARCHER);
        String token = token(researcher, "correct-horse-battery");
        String adminId = json.readTree(mvc.perform(get("/api/v1/users/me").header("Authorization",
                bearer(adminToken))).andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(get("/api/v1/users/" + adminId).header("Authorization", bearer(token)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswerAfterTheSameWork() throws Exception {
        String user = createUser("pi", Role.RESEARCHER);
        clearInvocations(passwordEncoder);
        MvcResult wrongPassword = tokenRequest(user, "not-the-password");
        verify(passwordEncoder, times(1)).matches(anyString(), anyString());
        clearInvocations(passwordEncoder);
        MvcResult unknownUser = tokenRequest(unique("nobody"), "not-the-password");
        verify(passwordEncoder, times(1)).matches(anyString(), anyString());

        assertThat(wrongPassword.getResponse().getStatus()).isEqualTo(401);
        assertThat(unknownUser.getResponse().getStatus()).isEqualTo(401);
        assertThat(wrongPassword.getResponse().getContentAsString())
                .isEqualTo(unknownUser.getResponse().getContentAsString());
        assertThat(json.readTree(wrongPassword.getResponse().getContentAsString()).get("type").asString())
                .isEqualTo("/problems/unauthenticated");
    }

    @Test
    void theLoginPageChecksAPasswordOnceLikeTheApi() throws Exception {
        String user = createUser("pi", Role.RESEARCHER);
        clearInvocations(passwordEncoder);
        mvc.perform(post("/login").with(csrf()).param("username", user).param("password", "not-the-password"))
                .andExpect(status().is3xxRedirection());
        verify(passwordEncoder, times(1)).matches(anyString(), anyString());
        clearInvocations(passwordEncoder);
        mvc.perform(post("/login").with(csrf()).param("username", unique("nobody")).param("password", "x"))
                .andExpect(status().is3xxRedirection());
        verify(passwordEncoder, times(1)).matches(anyString(), anyString());
    }

    @Test
    void repeatedFailuresBackOffTheirSourceWithTheSameAnswerForEveryName() throws Exception {
        // was: five failures locked the username for everyone (#13); now they slow down where they come from
        String user = createUser("pi", Role.RESEARCHER);
        String nobody = unique("other");
        for (int i = 0; i < 5; i++) {
            assertThat(tokenRequest(user, "guess-" + i).getResponse().getStatus()).isEqualTo(401);
            assertThat(tokenRequest(nobody, "guess-" + i).getResponse().getStatus()).isEqualTo(401);
        }
        MvcResult backedOff = tokenRequest(user, "correct-horse-battery");
        MvcResult unknown = tokenRequest(nobody, "guess");
        assertThat(backedOff.getResponse().getStatus()).isEqualTo(429);
        assertThat(backedOff.getResponse().getHeader("Retry-After")).isEqualTo("2");
        assertThat(json.readTree(backedOff.getResponse().getContentAsString()).get("type").asString())
                .isEqualTo("/problems/rate-limited");
        assertThat(backedOff.getResponse().getContentAsString()).isEqualTo(unknown.getResponse().getContentAsString());

        clock.advance(Duration.ofSeconds(3));
        assertThat(tokenRequest(user, "correct-horse-battery").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() throws Exception {
        String user = createUser("pi", Role.RESEARCHER);
        for (int i = 0; i < 4; i++) {
            tokenRequest(user, "guess-" + i);
        }
        assertThat(tokenRequest(user, "correct-horse-battery").getResponse().getStatus()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            tokenRequest(user, "guess-" + i);
        }
        assertThat(tokenRequest(user, "correct-horse-battery").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void tokensExpire() throws Exception {
        String token = token(createUser("pi", Role.RESEARCHER), "correct-horse-battery");
        mvc.perform(get("/api/v1/users/me").header("Authorization", bearer(token))).andExpect(status().isOk());
        clock.advance(Duration.ofHours(8).plusSeconds(1));
        mvc.perform(get("/api/v1/users/me").header("Authorization", bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() throws Exception {
        String token = token(createUser("pi", Role.RESEARCHER), "correct-horse-battery");
        mvc.perform(delete("/api/v1/auth/token").header("Authorization", bearer(token)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/users/me").header("Authorization", bearer(token)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokensAreStoredOnlyAsHashes() throws Exception {
        String token = token(createUser("pi", Role.RESEARCHER), "correct-horse-battery");
        long plain = jdbc.sql("select count(*) from identity_api_token where encode(token_hash, 'escape') like ?")
                .param("%" + token.substring(4, 20) + "%").query(Long.class).single();
        assertThat(plain).isZero();
    }

    @Test
    void disablingAnAccountRevokesItsTokensAndBlocksSignIn() throws Exception {
        String username = createUser("pi", Role.RESEARCHER);
        String token = token(username, "correct-horse-battery");
        String id = idOf(token);
        mvc.perform(put("/api/v1/users/" + id + "/enabled").header("Authorization", bearer(adminToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/users/me").header("Authorization", bearer(token)))
                .andExpect(status().isUnauthorized());
        assertThat(tokenRequest(username, "correct-horse-battery").getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void anAdministratorCannotRemoveTheirOwnAdminRole() throws Exception {
        String id = idOf(adminToken);
        mvc.perform(put("/api/v1/users/" + id + "/roles").header("Authorization", bearer(adminToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"AUDITOR\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        mvc.perform(get("/api/v1/users/me").header("Authorization", bearer(adminToken)))
                .andExpect(jsonPath("$.roles[0]").value("ADMIN"));
    }

    @Test
    void changingRolesRevokesTheAccountsTokens() throws Exception {
        String token = token(createUser("pi", Role.RESEARCHER), "correct-horse-battery");
        mvc.perform(put("/api/v1/users/" + idOf(token) + "/roles").header("Authorization", bearer(adminToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"ANALYST\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("ANALYST"));
        mvc.perform(get("/api/v1/users/me").header("Authorization", bearer(token)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void badOrMissingCredentialsAreUnauthenticatedProblems() throws Exception {
        mvc.perform(get("/api/v1/users/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
        mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer bns_" + "A".repeat(43)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users/me").header("Authorization", "Basic YWRtaW46YWRtaW4="))
                .andExpect(status().isUnauthorized());
        // a bad token on a public endpoint is not silently downgraded to anonymous
        mvc.perform(get("/api/v1/technology-areas").header("Authorization", "Bearer nonsense"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void unknownApiPathsAreNotFoundProblems() throws Exception {
        mvc.perform(get("/api/v1/no-such-thing").header("Authorization", bearer(adminToken)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        mvc.perform(get("/api/v1/organizations/" + UUID.randomUUID()).header("Authorization", bearer(adminToken)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        mvc.perform(get("/api/v1/organizations/not-a-uuid").header("Authorization", bearer(adminToken)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"));
    }

    @Test
    void adminIsCreatedAtFirstStartFromTheConfiguredPassword() throws Exception {
        mvc.perform(get("/api/v1/users/me").header("Authorization", bearer(adminToken)))
                .andExpect(jsonPath("$.username").value("admin"))
                .andExpect(jsonPath("$.roles[0]").value("ADMIN"));
    }

    // --- helpers

    private String createUser(String prefix, Role role) throws Exception {
        return accounts.createUser(prefix, role.name());
    }

    private String idOf(String token) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/users/me").header("Authorization", bearer(token)))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private String token(String username, String password) throws Exception {
        return accounts.token(username, password);
    }

    private MvcResult tokenRequest(String username, String password) throws Exception {
        return accounts.tokenRequest(username, password);
    }

    private long organizationCount() {
        return jdbc.sql("select count(*) from identity_organization").query(Long.class).single();
    }
}
