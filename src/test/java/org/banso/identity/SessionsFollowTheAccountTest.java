package org.banso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.support.ApiAccounts.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Page sessions follow the account at their next request (#13, R12): disabling ends the session, a role change takes
 * the role away from the old session, a password change ends every other session and token, a revoked pledge ends
 * access to the council's content at once. Each case first shows the session working, then the change, then the
 * very next request.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class SessionsFollowTheAccountTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    ApiScript api;

    @BeforeEach
    void script() {
        api = new ApiScript(mvc, json);
    }

    @Test
    void aDisabledAccountsPageSessionEndsAtItsNextRequest() throws Exception {
        Person person = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        MockHttpSession session = signIn(person.username(), ApiAccounts.PASSWORD);
        assertThat(mvc.perform(get("/councils").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        api.call("PUT", "/api/v1/users/" + person.id() + "/enabled", api.admin(), Map.of("enabled", false), 200);

        MvcResult next = mvc.perform(get("/councils").session(session)).andReturn();
        assertThat(next.getResponse().getStatus()).isEqualTo(302);
        assertThat(next.getResponse().getRedirectedUrl()).endsWith("/login?ended");
        assertThat(session.isInvalid()).isTrue();
        // an upload from a copy of the old session cookie is not accepted either
        MvcResult upload = mvc.perform(multipart("/councils/" + java.util.UUID.randomUUID() + "/items")
                        .file(new MockMultipartFile("file", "a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)))
                        .session(session).with(csrf()))
                .andReturn();
        assertThat(upload.getResponse().getStatus()).isIn(302, 403);
    }

    @Test
    void aDemotedAdministratorsOldSessionCanNeitherOpenTheAccountsNorCreateAnAdministrator() throws Exception {
        Person second = api.person(api.organization("OTHER"), "ADMIN");
        MockHttpSession session = signIn(second.username(), ApiAccounts.PASSWORD);
        assertThat(mvc.perform(get("/admin/users").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        api.call("PUT", "/api/v1/users/" + second.id() + "/roles", api.admin(), Map.of("roles", List.of("RESEARCHER")),
                200);

        assertThat(mvc.perform(get("/admin/users").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        String newAdmin = ApiAccounts.unique("adm-");
        MvcResult create = mvc.perform(post("/admin/users").session(session).with(csrf())
                        .param("username", newAdmin).param("displayName", "新 管理者")
                        .param("email", newAdmin + "@example.jp").param("organizationId", second.organizationId())
                        .param("roles", "ADMIN").param("password", "sakura-tsubomi-2026"))
                .andReturn();
        assertThat(create.getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from identity_account where username = ?").param(newAdmin)
                .query(Long.class).single()).isZero();
        // the session itself goes on, with the new role
        assertThat(mvc.perform(get("/councils").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionAndTokenButNotTheSessionThatMadeIt() throws Exception {
        Person person = api.person(api.organization("COMPANY"), "RESEARCHER");
        MockHttpSession here = signIn(person.username(), ApiAccounts.PASSWORD);
        MockHttpSession elsewhere = signIn(person.username(), ApiAccounts.PASSWORD);
        String token = person.token();

        MvcResult changed = mvc.perform(post("/account/password").session(here).with(csrf())
                        .param("currentPassword", ApiAccounts.PASSWORD)
                        .param("newPassword", "sakura-tsubomi-2026").param("confirmPassword", "sakura-tsubomi-2026"))
                .andReturn();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/account/password");

        assertThat(mvc.perform(get("/account/password").session(here)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        MvcResult other = mvc.perform(get("/councils").session(elsewhere)).andReturn();
        assertThat(other.getResponse().getRedirectedUrl()).endsWith("/login?ended");
        assertThat(mvc.perform(get("/api/v1/users/me").header("Authorization", bearer(token))).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
        assertThat(api.perform("POST", "/api/v1/auth/token", null,
                Map.of("username", person.username(), "password", ApiAccounts.PASSWORD)).getResponse().getStatus())
                .isEqualTo(401);
        assertThat(api.perform("POST", "/api/v1/auth/token", null,
                Map.of("username", person.username(), "password", "sakura-tsubomi-2026")).getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void aPasswordChangeThroughTheApiEndsThePageSessions() throws Exception {
        Person person = api.person(api.organization("COMPANY"), "RESEARCHER");
        MockHttpSession session = signIn(person.username(), ApiAccounts.PASSWORD);
        api.call("PUT", "/api/v1/users/me/password", person.token(), Map.of("currentPassword", ApiAccounts.PASSWORD,
                "newPassword", "sakura-tsubomi-2026"), 204);
        assertThat(mvc.perform(get("/councils").session(session)).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login?ended");
    }

    @Test
    void refusedPasswordChangesSayWhyAndChangeNothing() throws Exception {
        Person person = api.person(api.organization("COMPANY"), "RESEARCHER");
        String hash = passwordHash(person);
        assertThat(api.problem("PUT", "/api/v1/users/me/password", person.token(), Map.of("currentPassword",
                "not-the-password", "newPassword", "sakura-tsubomi-2026"), 400, "validation-failed")
                .get("errors").get(0).get("code").asString()).isEqualTo("password-wrong");
        assertThat(code(person, "aaaaaaaaaaaa")).isEqualTo("password-weak");
        assertThat(code(person, "password1234")).isEqualTo("password-weak");
        assertThat(code(person, "短い")).isEqualTo("password-length");
        // 25 Japanese characters are 75 bytes: over bcrypt's 72, stated rather than silently cut
        assertThat(code(person, "秘".repeat(25))).isEqualTo("password-bytes");
        assertThat(code(person, ApiAccounts.PASSWORD)).isEqualTo("password-same");
        assertThat(passwordHash(person)).isEqualTo(hash);
        // the token survived every refusal
        assertThat(mvc.perform(get("/api/v1/users/me").header("Authorization", bearer(person.token()))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theRevokedPledgeEndsAccessToTheCouncilsContentAtTheNextPageRequest() throws Exception {
        // R12: revoking the pledge ends access at once
        Person official = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        Person member = api.person(api.organization("STARTUP"), "RESEARCHER");
        String council = api.call("POST", "/api/v1/councils", official.token(), Map.of("name",
                ApiAccounts.unique("協議会-"), "competentMinistryId", official.organizationId(), "projectIds", List.of(),
                "requiredConsenterIds", List.of(member.id())), 201).get("id").asString();
        api.call("POST", "/api/v1/councils/" + council + "/consents", member.token(), Map.of("decision", "CONSENT"), 200);
        api.call("POST", "/api/v1/councils/" + council + "/establish", official.token(), null, 200);
        api.addParticipant(council, official, member, "STARTUP");
        api.sign(council, official);
        api.sign(council, member);
        String title = ApiAccounts.unique("試験資料-");
        MvcResult uploaded = mvc.perform(multipart("/api/v1/councils/" + council + "/items")
                        .file(new MockMultipartFile("file", "note.txt", "text/plain",
                                "量子センサの試験結果".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("meta", "", MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(
                                Map.of("title", title, "category", "SAMPLING_DATA"))))
                        .header("Authorization", bearer(official.token())))
                .andReturn();
        assertThat(uploaded.getResponse().getStatus()).as(uploaded.getResponse().getContentAsString()).isEqualTo(201);
        MockHttpSession session = signIn(member.username(), ApiAccounts.PASSWORD);
        MvcResult before = mvc.perform(get("/councils/" + council + "/items").session(session)).andReturn();
        assertThat(before.getResponse().getStatus()).isEqualTo(200);
        assertThat(before.getResponse().getContentAsString()).contains(title);

        api.call("DELETE", "/api/v1/councils/" + council + "/pledges/mine", member.token(), null, 204);

        MvcResult after = mvc.perform(get("/councils/" + council + "/items").session(session)).andReturn();
        assertThat(after.getResponse().getStatus()).isEqualTo(403);
        assertThat(after.getResponse().getContentAsString()).doesNotContain(title);
    }

    private String code(Person person, String newPassword) throws Exception {
        return api.problem("PUT", "/api/v1/users/me/password", person.token(), Map.of("currentPassword",
                ApiAccounts.PASSWORD, "newPassword", newPassword), 400, "validation-failed")
                .get("errors").get(0).get("code").asString();
    }

    private String passwordHash(Person person) {
        return jdbc.sql("select password_hash from identity_account where id = ?::uuid").param(person.id())
                .query(String.class).single();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", username)
                .param("password", password)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("sign-in of " + username).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession();
    }
}
