package org.banso.thinktank;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.XlsxSheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The think-tank pages in Japanese and English, with server-made SVG charts and no inline style or script. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class ThinkTankPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    MockHttpSession session(String role) throws Exception {
        String username = new ApiAccounts(mvc, json).createUser("pg", role);
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username)
                .param("password", ApiAccounts.PASSWORD)).andReturn().getRequest().getSession();
    }

    MockHttpSession analyst;

    @BeforeEach
    void signIn() throws Exception {
        analyst = session("ANALYST");
    }

    @Test
    void theAnalyticsPageChartsTheSpecializationIndexOfACountryAndField() throws Exception { // R19
        mvc.perform(get("/thinktank").session(analyst).param("country", "Japan").param("field", "semiconductors"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg class=\"chart\"")))
                .andExpect(content().string(containsString("<polyline")))
                .andExpect(content().string(containsString("特化係数")))
                // countries from the JDK's (CLDR) names, fields from the NCSES titles translated in the bundles
                .andExpect(content().string(containsString(">日本<")))
                .andExpect(content().string(containsString(">韓国<")))
                .andExpect(content().string(containsString("半導体 (特許)")))
                .andExpect(content().string(not(containsString("style="))));
        mvc.perform(get("/thinktank").session(analyst).param("lang", "en").param("field", "engineering"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Specialization index of Japan")));
    }

    @Test
    void theAnalyticsPageExportsTheMatrixWithThePageSessionAsCsvForExcelAndAsXlsx() throws Exception { // R19, #17
        // the page links to exports that a signed-in analyst can open (the API's answered a raw 401 to the session)
        mvc.perform(get("/thinktank").session(analyst))
                .andExpect(content().string(containsString("href=\"/thinktank/indicators.csv\"")))
                .andExpect(content().string(containsString("href=\"/thinktank/indicators.xlsx\"")));
        byte[] csv = mvc.perform(get("/thinktank/indicators.csv").session(analyst))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsByteArray();
        // UTF-8 with a byte-order mark, so that Excel in Japanese reads it as UTF-8
        org.assertj.core.api.Assertions.assertThat(java.util.Arrays.copyOf(csv, 3))
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        org.assertj.core.api.Assertions.assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8))
                .contains("ncses-sei-2020,World -> Asia -> Japan,Japan,true,PUBLICATIONS,engineering,2018,14951.810000");
        byte[] xlsx = mvc.perform(get("/thinktank/indicators.xlsx").session(analyst))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        org.assertj.core.api.Assertions.assertThat(XlsxSheet.read(xlsx, "indicators").header().get(9))
                .isEqualTo("specialization");
        // without a session: to the login page, never the data
        mvc.perform(get("/thinktank/indicators.csv")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theSupplyChainRankingAndEntityPagesRender() throws Exception { // R4, R18, R19
        mvc.perform(get("/thinktank/supply-chain").session(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("EUV lithography tools")))
                .andExpect(content().string(containsString("CC BY-NC 4.0")));
        mvc.perform(get("/thinktank/rankings").session(analyst)).andExpect(status().isOk());
        mvc.perform(get("/thinktank/entities").session(analyst).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Research entities")))
                .andExpect(content().string(not(containsString("Record an entity"))));
    }

    @Test
    void aMinistryOfficialRecordsAnEntityFromThePageAndSeesWhatIsMissing() throws Exception { // R18
        MockHttpSession ministry = session("MINISTRY_OFFICIAL");
        mvc.perform(post("/thinktank/entities").session(ministry).with(csrf()).param("organizationId", "")
                        .param("analysisCapability", "分析"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("入力内容に誤りがあります")));
    }

    @Test
    void commissioningAnUnqualifiedEntityFromThePageExplainsTheRefusal() throws Exception { // R18
        ApiAccounts accounts = new ApiAccounts(mvc, json);
        String orgBody = mvc.perform(post("/api/v1/organizations")
                        .header("Authorization", ApiAccounts.bearer(accounts.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"nameEn\":\"Institute\",\"kind\":\"THINK_TANK\"}"
                                .formatted(ApiAccounts.unique("【架空】研究所"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String orgId = json.readTree(orgBody).get("id").asString();
        String entityBody = mvc.perform(post("/api/v1/thinktank/entities")
                        .header("Authorization", ApiAccounts.bearer(accounts.tokenFor("mt", "MINISTRY_OFFICIAL")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organizationId\":\"%s\",\"analysisCapability\":\"分析\"}".formatted(orgId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String entityId = json.readTree(entityBody).get("id").asString();
        mvc.perform(post("/thinktank/commissions").session(session("MINISTRY_OFFICIAL")).with(csrf())
                        .param("lang", "en").param("entityId", entityId).param("subject", "調査")
                        .param("periodStart", "2026-04-01").param("periodEnd", "2028-03-31"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"entityId-error\"")))
                .andExpect(content().string(containsString("The entity does not meet the requirements (R18).")));
    }

    @Test
    void anAnalystRanksTechnologiesFromThePageAndInconsistentComparisonsAreExplained() throws Exception { // R19
        mvc.perform(post("/thinktank/rankings").session(analyst).with(csrf()).param("title", "ページからの順位付け")
                        .param("year", "2018").param("c01", "3").param("c02", "5").param("c03", "3")
                        .param("c12", "3").param("c13", "1").param("c23", "1/3")
                        .param("label0", "半導体").param("field0", "semiconductors").param("needs0", "5").param("risk0", "5")
                        .param("label1", "光学").param("field1", "optics").param("needs1", "3").param("risk1", "2"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrlPattern("/thinktank/rankings/*"));
        mvc.perform(post("/thinktank/rankings").session(analyst).with(csrf()).param("title", "矛盾")
                        .param("c01", "9").param("c02", "1/9").param("c12", "9")
                        .param("label0", "a").param("field0", "optics").param("needs0", "3").param("risk0", "3")
                        .param("label1", "b").param("field1", "semiconductors").param("needs1", "3").param("risk1", "3"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("入力内容に誤りがあります")))
                .andExpect(content().string(containsString("上限0.1を超えています")));
    }

    @Test
    void theRankingPagesNameFieldsAndCountriesInThePagesLanguageNeverBySlugOrId() throws Exception { // R19, #17
        String form = visibleText(mvc.perform(get("/thinktank/rankings").session(analyst).param("lang", "ja"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThat(form).contains("半導体 (特許)")
                .doesNotContain("computer-and-information-sciences").doesNotContain("semiconductors");
        String ranked = mvc.perform(post("/thinktank/rankings").session(analyst).with(csrf())
                        .param("title", "名前で示す順位付け").param("year", "2018")
                        .param("c01", "3").param("c02", "5").param("c03", "3")
                        .param("c12", "3").param("c13", "1").param("c23", "1/3")
                        .param("label0", "半導体").param("field0", "semiconductors").param("needs0", "5").param("risk0", "5")
                        .param("label1", "情報科学").param("field1", "computer-and-information-sciences")
                        .param("needs1", "3").param("risk1", "2"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        for (String lang : new String[] {"ja", "en"}) {
            String page = visibleText(mvc.perform(get(ranked).session(analyst).param("lang", lang))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(
                            java.nio.charset.StandardCharsets.UTF_8));
            org.assertj.core.api.Assertions.assertThat(page).as(lang)
                    .contains("ja".equals(lang) ? "日本、2018" : "Japan, 2018")
                    .doesNotContain("computer-and-information-sciences")
                    .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }

    /** What a person reads: the page without its tags and attributes. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]*>", " ");
    }

    @Test
    void thePagesNeedSignIn() throws Exception {
        mvc.perform(get("/thinktank")).andExpect(status().is3xxRedirection());
    }
}
