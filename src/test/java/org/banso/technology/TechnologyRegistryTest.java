package org.banso.technology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.banso.support.ApiAccounts.bearer;
import static org.banso.support.ApiAccounts.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The technology registry through the API: R3 (designation needs an assessment) and R4 (risks recorded). */
@BansoIntegrationTest
@AutoConfigureMockMvc
class TechnologyRegistryTest {

    private static final String COMPLETE_ASSESSMENT = """
            {"japanStrength":{"score":4,"evidence":"国内の論文シェアが高い"},
             "foreignRdStatus":{"score":3,"evidence":"米中で急速に投資拡大"},
             "socialNeeds":{"score":5,"evidence":"防災・インフラ監視の需要"},
             "leakageRisk":{"score":4,"evidence":"流出すれば軍事転用のおそれ"},
             "dependenceRisk":{"score":3,"evidence":"製造装置の海外依存"},
             "superiority":"小型化で優位","marketUnderinvestment":"市場規模が小さく民間投資が不足","dualUse":"民生・公的利用の双方",
             "inputs":[{"kind":"THINK_TANK","reference":"シンクタンク報告 2026-03"}]}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    ApiAccounts accounts;
    String officer;

    @BeforeEach
    void setUp() throws Exception {
        accounts = new ApiAccounts(mvc, json);
        officer = accounts.tokenFor("po", "PROGRAM_OFFICER");
    }

    @Test
    void aTechnologyIsDesignatedOnceAssessed() throws Exception { // R3
        String id = register(officer);
        assess(id, officer, COMPLETE_ASSESSMENT).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/technologies/" + id).header("Authorization", bearer(officer)))
                .andExpect(jsonPath("$.status").value("UNDER_ASSESSMENT"));
        mvc.perform(post("/api/v1/technologies/" + id + "/designate").header("Authorization", bearer(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DESIGNATED"));
        assertThat(statusHistory(id)).containsExactly("CANDIDATE", "UNDER_ASSESSMENT", "DESIGNATED");
    }

    @Test
    void designatingWithoutAnAssessmentIsRefused() throws Exception { // R3
        String id = register(officer);
        mvc.perform(post("/api/v1/technologies/" + id + "/designate").header("Authorization", bearer(officer)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/assessment-required"));
        mvc.perform(get("/api/v1/technologies/" + id).header("Authorization", bearer(officer)))
                .andExpect(jsonPath("$.status").value("CANDIDATE"));
    }

    @Test
    void anAssessmentWithoutExpertOrThinkTankInputIsRefusedAndNothingIsStored() throws Exception { // R3
        String id = register(officer);
        assess(id, officer, COMPLETE_ASSESSMENT.replaceAll("\"inputs\":\\[[^]]*]", "\"inputs\":[]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("inputs")));
        assertThat(assessmentCount(id)).isZero();
        mvc.perform(post("/api/v1/technologies/" + id + "/designate").header("Authorization", bearer(officer)))
                .andExpect(jsonPath("$.type").value("/problems/assessment-required"));
    }

    @Test
    void everyCriterionNeedsAScoreFromOneToFiveAndEvidence() throws Exception { // R3
        String id = register(officer);
        assess(id, officer, COMPLETE_ASSESSMENT.replace("\"score\":4,\"evidence\":\"国内の論文シェアが高い\"",
                        "\"score\":6,\"evidence\":\" \""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("japanStrength.score")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("japanStrength.evidence")));
        assertThat(assessmentCount(id)).isZero();
    }

    @Test
    void leakageAndDependenceRisksAreRequiredAndRecorded() throws Exception { // R4
        String id = register(officer);
        assess(id, officer, COMPLETE_ASSESSMENT.replace("\"leakageRisk\":{\"score\":4,\"evidence\":\"流出すれば軍事転用のおそれ\"},", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("leakageRisk.score")));
        assess(id, officer, COMPLETE_ASSESSMENT).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/technologies/" + id + "/assessments").header("Authorization", bearer(officer)))
                .andExpect(jsonPath("$[0].leakageRisk.score").value(4))
                .andExpect(jsonPath("$[0].leakageRisk.evidence").value("流出すれば軍事転用のおそれ"))
                .andExpect(jsonPath("$[0].dependenceRisk.evidence").value("製造装置の海外依存"))
                .andExpect(jsonPath("$[0].inputs[0].kind").value("THINK_TANK"))
                .andExpect(jsonPath("$[0].marketUnderinvestment").value("市場規模が小さく民間投資が不足"));
    }

    @Test
    void thePublicSeesOnlyDesignatedTechnologies() throws Exception {
        String candidate = register(officer);
        String designated = register(officer);
        assess(designated, officer, COMPLETE_ASSESSMENT);
        mvc.perform(post("/api/v1/technologies/" + designated + "/designate").header("Authorization", bearer(officer)));
        mvc.perform(get("/api/v1/technologies"))
                .andExpect(jsonPath("$[*].id").value(hasItem(designated)))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(candidate))))
                .andExpect(jsonPath("$[*].status").value(not(hasItem("CANDIDATE"))));
        mvc.perform(get("/api/v1/technologies/" + candidate)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/technologies/" + designated)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/technologies/" + designated + "/assessments")).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyAProgramOfficerRegistersAndDesignates() throws Exception {
        String researcher = accounts.tokenFor("res", "RESEARCHER");
        mvc.perform(post("/api/v1/technologies").header("Authorization", bearer(researcher))
                        .contentType(MediaType.APPLICATION_JSON).content(newTechnology(unique("T").toUpperCase(Locale.ROOT))))
                .andExpect(status().isForbidden());
        String id = register(officer);
        assess(id, officer, COMPLETE_ASSESSMENT);
        mvc.perform(post("/api/v1/technologies/" + id + "/designate").header("Authorization", bearer(researcher)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/technologies/" + id + "/assessments").header("Authorization", bearer(researcher)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aThinkTankAnalystMayRecordAnAssessment() throws Exception { // R3: think-tank input
        String analyst = accounts.tokenFor("an", "ANALYST");
        String id = register(officer);
        assess(id, analyst, COMPLETE_ASSESSMENT).andExpect(status().isCreated());
    }

    @Test
    void aRetiredTechnologyCannotBeDesignated() throws Exception {
        String id = register(officer);
        assess(id, officer, COMPLETE_ASSESSMENT);
        mvc.perform(post("/api/v1/technologies/" + id + "/retire").header("Authorization", bearer(officer)))
                .andExpect(jsonPath("$.status").value("RETIRED"));
        mvc.perform(post("/api/v1/technologies/" + id + "/designate").header("Authorization", bearer(officer)))
                .andExpect(status().isConflict());
    }

    @Test
    void anUnknownAreaOrDuplicateCodeIsRefused() throws Exception {
        String code = unique("DUP").toUpperCase(Locale.ROOT);
        mvc.perform(post("/api/v1/technologies").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON).content(newTechnology(code).replace("A03", "A99")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("domain"));
        mvc.perform(post("/api/v1/technologies").header("Authorization", bearer(officer))
                .contentType(MediaType.APPLICATION_JSON).content(newTechnology(code))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/technologies").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON).content(newTechnology(code)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void aCsvImportRegistersEveryRowOrNone() throws Exception {
        String a = unique("CSVA").toUpperCase(Locale.ROOT);
        String b = unique("CSVB").toUpperCase(Locale.ROOT);
        String bad = "code,name_ja,name_en,domain,description\n" + a + ",量子センサ,Quantum sensor,A07,\n"
                + b + ",謎,Unknown,A99,\n";
        mvc.perform(multipart("/api/v1/technologies/import").file(csv(bad)).header("Authorization", bearer(officer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rows[2].domain"));
        assertThat(jdbc.sql("select count(*) from technology_technology where code = ?").param(a).query(Long.class)
                .single()).isZero();

        String good = bad.replace("A99", "A05");
        mvc.perform(multipart("/api/v1/technologies/import").file(csv(good)).header("Authorization", bearer(officer)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(2));
        String exported = mvc.perform(get("/api/v1/technologies/export").header("Authorization", bearer(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(exported).startsWith("code,name_ja,name_en,domain,status,description")
                .contains(a + ",量子センサ,Quantum sensor,A07,CANDIDATE");
    }

    @Test
    void assessmentsCannotBeEditedInTheDatabase() throws Exception {
        String id = register(officer);
        assess(id, officer, COMPLETE_ASSESSMENT);
        assertThatThrownBy(() -> jdbc.sql("update technology_assessment set japan_strength_score = 1 "
                + "where technology_id = ?").param(java.util.UUID.fromString(id)).update())
                .hasMessageContaining("append-only");
    }

    private String register(String token) throws Exception {
        String body = mvc.perform(post("/api/v1/technologies").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newTechnology(unique("QS").toUpperCase(Locale.ROOT))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CANDIDATE"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    private org.springframework.test.web.servlet.ResultActions assess(String id, String token, String body)
            throws Exception {
        return mvc.perform(post("/api/v1/technologies/" + id + "/assessments").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String newTechnology(String code) {
        return """
                {"code":"%s","nameJa":"量子慣性センサ","nameEn":"Quantum inertial sensor","domain":"A03",
                 "description":"GPSが使えない環境での測位"}""".formatted(code);
    }

    private static MockMultipartFile csv(String content) {
        return new MockMultipartFile("file", "technologies.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private long assessmentCount(String id) {
        return jdbc.sql("select count(*) from technology_assessment where technology_id = ?")
                .param(java.util.UUID.fromString(id)).query(Long.class).single();
    }

    private java.util.List<String> statusHistory(String id) {
        return jdbc.sql("select to_status from technology_status_change where technology_id = ? order by changed_at")
                .param(java.util.UUID.fromString(id)).query(String.class).list();
    }
}
