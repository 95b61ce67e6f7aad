package org.banso.technology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.support.ApiAccounts.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The shipped reference data is loaded on first start, readable by anyone, and corrected with history. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class TechnologyReferenceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    ApiAccounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new ApiAccounts(mvc, json);
    }

    @Test
    void theTwentyTechnologyAreasArePublic() throws Exception {
        mvc.perform(get("/api/v1/technology-areas"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(20))
                .andExpect(jsonPath("$[0].code").value("A01"))
                .andExpect(jsonPath("$[0].nameJa").value("バイオ技術"))
                .andExpect(jsonPath("$[0].source").value("特定重要技術研究開発基本指針 (2022-09-30) 第1章第3節(2)"))
                .andExpect(jsonPath("$[19].code").value("A20"));
        mvc.perform(get("/api/v1/technology-areas/A16"))
                .andExpect(jsonPath("$.confirmedInSource").value(false));
        mvc.perform(get("/technologies/areas")).andExpect(status().isOk());
    }

    @Test
    void theVisionTechnologiesAreLoadedFromTheShippedFile() throws Exception {
        mvc.perform(get("/api/v1/vision-technologies"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].vision").value(1))
                .andExpect(jsonPath("$[0].domainJa").value("海洋"));
        long rows = new String(getClass().getResourceAsStream("/reference/k-program-vision.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count() - 1;
        assertThat(jdbc.sql("select count(*) from technology_vision_technology").query(Long.class).single())
                .isEqualTo(rows);
    }

    @Test
    void aProgramOfficerCorrectsAnAreaAndThePreviousRevisionIsKept() throws Exception {
        String officer = accounts.tokenFor("po", "PROGRAM_OFFICER");
        String before = jdbc.sql("select name_en from technology_area where code = 'A19'").query(String.class)
                .single();
        mvc.perform(put("/api/v1/technology-areas/A19").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameEn\":\"" + before + " (checked)\",\"confirmedInSource\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nameEn").value(before + " (checked)"))
                .andExpect(jsonPath("$.confirmedInSource").value(true))
                .andExpect(jsonPath("$.revision").value(2));
        assertThat(jdbc.sql("select name_en from technology_area_history where code = 'A19' and revision = 1")
                .query(String.class).single()).isEqualTo(before);
    }

    @Test
    void othersCannotCorrectReferenceDataAndNothingChanges() throws Exception {
        String researcher = accounts.tokenFor("res", "RESEARCHER");
        mvc.perform(put("/api/v1/technology-areas/A01").header("Authorization", bearer(researcher))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nameJa\":\"改ざん\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(put("/api/v1/technology-areas/A01").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameJa\":\"改ざん\"}"))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select name_ja from technology_area where code = 'A01'").query(String.class).single())
                .isEqualTo("バイオ技術");
    }

    @Test
    void aBlankNameIsRefusedAndNothingChanges() throws Exception {
        String officer = accounts.tokenFor("po", "PROGRAM_OFFICER");
        mvc.perform(put("/api/v1/technology-areas/A02").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nameJa\":\"  \",\"nameEn\":\"ok\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nameJa"));
        assertThat(jdbc.sql("select revision from technology_area where code = 'A02'").query(Integer.class).single())
                .isEqualTo(1);
        mvc.perform(put("/api/v1/technology-areas/A99").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nameJa\":\"x\"}"))
                .andExpect(status().isNotFound());
    }
}
