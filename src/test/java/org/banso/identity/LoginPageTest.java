package org.banso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The login page: CSRF, a new session id at login, logout, a generic failure, no secrets in the log. */
@BansoIntegrationTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class LoginPageTest {

    private static final String ADMIN_PASSWORD = "test-operator-secret-1";

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginPageIsPublicAndCarriesACsrfToken() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void aLoginWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", ADMIN_PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSuccessfulLoginGetsANewSessionId() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult result = mvc.perform(post("/login").session(session).with(csrf())
                        .param("username", "admin").param("password", ADMIN_PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void aFailedLoginSaysOnlyThatItFailed() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", "wrong-password-1"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").with(csrf()).param("username", "no-such-person").param("password", "x"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void signedOutVisitorsAreSentToLoginForProtectedPages() throws Exception {
        mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        // an unknown page does not reveal that it does not exist
        mvc.perform(get("/no-such-page")).andExpect(status().is3xxRedirection());
    }

    @Test
    void logoutNeedsPostWithCsrfAndEndsTheSession() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                        .param("username", "admin").param("password", ADMIN_PASSWORD))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aNonAdministratorCannotOpenTheAdminPages() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                        .param("username", "admin").param("password", ADMIN_PASSWORD))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/admin/organizations").session(session)).andExpect(status().isOk());
        var researcher = new BansoUser(new UserId(java.util.UUID.randomUUID()), "r", "R", null,
                java.util.Set.of(Role.RESEARCHER));
        var authentication = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(researcher, null, java.util.List.of(
                        new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_RESEARCHER")));
        mvc.perform(get("/admin/organizations").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(authentication)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(authentication)))
                .andExpect(status().isForbidden());
    }

    @Test
    void passwordsAndTokensNeverReachTheLog(CapturedOutput output) throws Exception {
        String secret = "Marker-Secret-" + java.util.UUID.randomUUID();
        mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", secret));
        mvc.perform(post("/api/v1/auth/token").contentType("application/json")
                .content("{\"username\":\"admin\",\"password\":\"" + secret + "\"}"));
        String token = mvc.perform(post("/api/v1/auth/token").contentType("application/json")
                        .content("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .andReturn().getResponse().getContentAsString();
        String tokenValue = token.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(tokenValue).startsWith("bns_");
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(tokenValue)
                .doesNotContain(ADMIN_PASSWORD);
    }
}
