package org.banso.information.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@BansoIntegrationTest
@AutoConfigureMockMvc
class ContentKeyRotationApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyAnAdministratorRotatesTheContentKeyAndTheRotationIsLogged() throws Exception { // R17
        ApiAccounts accounts = new ApiAccounts(mvc, json);
        String official = accounts.tokenFor("rotation-official", "MINISTRY_OFFICIAL");
        long logged = rotations();

        mvc.perform(post("/api/v1/admin/content-keys/rotation").header("Authorization", "Bearer " + official))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/forbidden"));
        assertThat(rotations()).isEqualTo(logged);

        String body = mvc.perform(post("/api/v1/admin/content-keys/rotation")
                        .header("Authorization", "Bearer " + accounts.adminToken()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rewrapped").isNumber())
                .andExpect(jsonPath("$.unreadable").value(0))
                .andReturn().getResponse().getContentAsString();
        String keyId = json.readTree(body).get("keyId").asString();
        assertThat(jdbc.sql("select count(*) from information_content where kek_id <> ?").param(keyId)
                .query(Long.class).single()).isZero();
        assertThat(rotations()).isEqualTo(logged + 1);
    }

    private long rotations() {
        return jdbc.sql("""
                select (select count(*) from audit_pending where kind like '%ContentKeyRotated')
                     + (select count(*) from audit_leaf where kind like '%ContentKeyRotated')""").query(Long.class).single();
    }
}
