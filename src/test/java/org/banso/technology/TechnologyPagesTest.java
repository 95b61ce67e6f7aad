package org.banso.technology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.support.ApiAccounts.bearer;
import static org.banso.support.ApiAccounts.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The registry's pages: retiring (final) is confirmed on a page that names the technology (issue 17). */
@BansoIntegrationTest
@AutoConfigureMockMvc
class TechnologyPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    ApiAccounts accounts;
    String token;
    MockHttpSession officer;

    @BeforeEach
    void setUp() throws Exception {
        accounts = new ApiAccounts(mvc, json);
        token = accounts.tokenFor("po", "PROGRAM_OFFICER");
        String username = accounts.createUser("po", "PROGRAM_OFFICER");
        officer = (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username)
                .param("password", ApiAccounts.PASSWORD)).andReturn().getRequest().getSession();
    }

    @Test
    void retiringAsksFirstNamingTheTechnologyAndWhatCannotBeUndoneThenNamesItInTheResult() throws Exception {
        String code = unique("RT").toUpperCase(Locale.ROOT);
        String id = register(code);
        // the first press only asks: nothing changes
        mvc.perform(post("/technologies/" + id + "/retire").session(officer).with(csrf()).param("lang", "ja"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("候補から外しますか")))
                .andExpect(content().string(not(containsString("指定を解除"))))
                .andExpect(content().string(containsString("技術「量子慣性センサ」（コード " + code + "）")))
                .andExpect(content().string(containsString("戻すことはできません")))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));
        assertThat(statusOf(id)).isEqualTo("CANDIDATE");
        mvc.perform(post("/technologies/" + id + "/retire").session(officer).with(csrf()).param("lang", "en"))
                .andExpect(content().string(containsString("Drop this technology from the candidates?")))
                .andExpect(content().string(containsString("Drop &quot;Quantum inertial sensor&quot; from the "
                        + "candidates")));
        assertThat(statusOf(id)).isEqualTo("CANDIDATE");
        // confirmed: retired, and the result says which technology
        mvc.perform(post("/technologies/" + id + "/retire").session(officer).with(csrf()).param("confirmed", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("RETIRED");
        mvc.perform(get("/technologies/" + id).session(officer).param("lang", "ja")
                        .flashAttr("retired", org.banso.web.Forms.text("tech.retired.candidate", "量子慣性センサ",
                                code)))
                .andExpect(content().string(containsString("技術「量子慣性センサ」（コード " + code + "）を候補から外しました。")));
    }

    @Test
    void aNeverDesignatedTechnologyIsOfferedToBeDroppedAndOnlyADesignatedOneToHaveItsDesignationLifted()
            throws Exception {
        String code = unique("RD").toUpperCase(Locale.ROOT);
        String id = register(code);
        mvc.perform(get("/technologies/" + id).session(officer).param("lang", "ja"))
                .andExpect(content().string(containsString("候補から外す")))
                .andExpect(content().string(not(containsString("指定を解除する"))));
        mvc.perform(get("/technologies/" + id).session(officer).param("lang", "en"))
                .andExpect(content().string(containsString("Drop from the candidates")))
                .andExpect(content().string(not(containsString("Lift the designation"))));
        // the wording follows the state the registry keeps (designating itself is TechnologyRegistryTest's)
        jdbc.sql("update technology_technology set status = 'DESIGNATED' where id = ?::uuid").param(id).update();
        mvc.perform(get("/technologies/" + id).session(officer).param("lang", "ja"))
                .andExpect(content().string(containsString("指定を解除する")))
                .andExpect(content().string(not(containsString("候補から外す"))));
        mvc.perform(post("/technologies/" + id + "/retire").session(officer).with(csrf()).param("lang", "en"))
                .andExpect(content().string(containsString("Lift the designation of this technology?")))
                .andExpect(content().string(containsString("Lift the designation of &quot;Quantum inertial "
                        + "sensor&quot;")));
        assertThat(statusOf(id)).isEqualTo("DESIGNATED");
    }

    @Test
    void onlyAProgramOfficerRetiresEvenWhenConfirmed() throws Exception {
        String id = register(unique("RT").toUpperCase(Locale.ROOT));
        String username = accounts.createUser("an", "ANALYST");
        MockHttpSession analyst = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                .param("username", username).param("password", ApiAccounts.PASSWORD)).andReturn().getRequest()
                .getSession();
        mvc.perform(post("/technologies/" + id + "/retire").session(analyst).with(csrf()).param("confirmed", "true"))
                .andExpect(status().isForbidden());
        assertThat(statusOf(id)).isEqualTo("CANDIDATE");
    }

    private String statusOf(String id) {
        return jdbc.sql("select status from technology_technology where id = ?::uuid").param(id).query(String.class)
                .single();
    }

    private String register(String code) throws Exception {
        String body = mvc.perform(post("/api/v1/technologies").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","nameJa":"量子慣性センサ","nameEn":"Quantum inertial sensor","domain":"A03",
                                 "description":"GPSが使えない環境での測位"}""".formatted(code)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }
}
