package org.banso.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** Creates accounts and signs them in through the real REST API, as a script would. */
public final class ApiAccounts {

    public static final String ADMIN_PASSWORD = "test-operator-secret-1";
    public static final String PASSWORD = "correct-horse-battery";

    private final MockMvc mvc;
    private final JsonMapper json;

    public ApiAccounts(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public String adminToken() throws Exception {
        return token("admin", ADMIN_PASSWORD);
    }

    /** A new account with the role, in the first registered organization; answers its username. */
    public String createUser(String prefix, String role) throws Exception {
        String admin = adminToken();
        String username = unique(prefix);
        String orgs = mvc.perform(get("/api/v1/organizations").header("Authorization", bearer(admin)))
                .andReturn().getResponse().getContentAsString();
        String orgId = json.readTree(orgs).get(0).get("id").asString();
        MvcResult created = mvc.perform(post("/api/v1/users").header("Authorization", bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("username", username, "displayName", "試験 利用者",
                                "email", username + "@example.jp", "organizationId", orgId,
                                "roles", java.util.List.of(role), "password", PASSWORD))))
                .andReturn();
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString())
                .isEqualTo(201);
        return username;
    }

    public String tokenFor(String prefix, String role) throws Exception {
        return token(createUser(prefix, role), PASSWORD);
    }

    public String token(String username, String password) throws Exception {
        MvcResult result = tokenRequest(username, password);
        assertThat(result.getResponse().getStatus()).as("token for %s", username).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString()).get("token").asString();
    }

    public MvcResult tokenRequest(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("username", username, "password", password))))
                .andReturn();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
