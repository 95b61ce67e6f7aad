package org.banso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The administrators' pages keep the service's rules and explain refusals in the page's language. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class AdminPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;
    @Autowired
    IdentityManagement identity;

    MockHttpSession admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", "admin")
                .param("password", ApiAccounts.ADMIN_PASSWORD)).andReturn().getRequest().getSession();
    }

    @Test
    void aWrongCheckDigitIsExplainedInJapaneseAndNothingIsRegistered() throws Exception {
        long before = organizations();
        mvc.perform(post("/admin/organizations").session(admin).with(csrf()).cookie(new Cookie("banso-lang", "ja"))
                        .param("name", ApiAccounts.unique("省")).param("nameEn", "Ministry").param("kind", "MINISTRY")
                        .param("corporateNumber", "6000012050002"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("チェックディジットが正しい必要があります")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void theSameRefusalReadsInEnglishOnEnglishPages() throws Exception {
        mvc.perform(post("/admin/organizations").session(admin).with(csrf()).param("lang", "en")
                        .param("name", "").param("nameEn", "x").param("kind", "MINISTRY"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Enter a value.")))
                .andExpect(content().string(not(containsString("入力してください"))));
    }

    @Test
    void aValidOrganizationIsRegisteredFromThePage() throws Exception {
        String name = ApiAccounts.unique("【架空】試験機構");
        mvc.perform(post("/admin/organizations").session(admin).with(csrf())
                        .param("name", name).param("nameEn", "Test agency").param("kind", "RESEARCH_INSTITUTE"))
                .andExpect(redirectedUrl("/admin/organizations"));
        assertThat(jdbc.sql("select kind from identity_organization where name = ?").param(name).query(String.class)
                .single()).isEqualTo("RESEARCH_INSTITUTE");
    }

    @Test
    void theInitialPasswordIsNeverEchoedBackAfterARefusal() throws Exception {
        mvc.perform(post("/admin/users").session(admin).with(csrf())
                        .param("username", "Bad Name").param("displayName", "x").param("email", "x@example.jp")
                        .param("roles", "RESEARCHER").param("password", "Echo-Marker-Password-1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(not(containsString("Echo-Marker-Password-1"))));
    }

    @Test
    void disablingAnAccountIsConfirmedFirstNamingThePersonAndTheResultNamesThem() throws Exception { // #17
        String username = new ApiAccounts(mvc, json).createUser("dis", "RESEARCHER");
        UserView person = identity.userByUsername(username).orElseThrow();
        mvc.perform(post("/admin/users/" + person.id().value() + "/enabled").session(admin).with(csrf())
                        .param("lang", "ja").param("enabled", "false"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("アカウントを無効にしますか")))
                .andExpect(content().string(containsString(person.displayName() + " さん（ユーザー名 " + username)))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));
        assertThat(identity.user(person.id()).orElseThrow().enabled()).as("nothing before the confirmation").isTrue();
        var flash = mvc.perform(post("/admin/users/" + person.id().value() + "/enabled").session(admin).with(csrf())
                        .param("enabled", "false").param("confirmed", "true"))
                .andExpect(redirectedUrl("/admin/users"))
                .andReturn().getFlashMap();
        assertThat(identity.user(person.id()).orElseThrow().enabled()).isFalse();
        mvc.perform(get("/admin/users").session(admin).param("lang", "en").flashAttrs(flash))
                .andExpect(content().string(containsString("Disabled the account of " + person.displayName()
                        + " (username " + username + ").")));
        // enabling again stays one click (htmx answers the row)
        mvc.perform(post("/admin/users/" + person.id().value() + "/enabled").session(admin).with(csrf())
                        .param("enabled", "true"))
                .andExpect(status().isOk());
        assertThat(identity.user(person.id()).orElseThrow().enabled()).isTrue();
    }

    private long organizations() {
        return jdbc.sql("select count(*) from identity_organization").query(Long.class).single();
    }
}
