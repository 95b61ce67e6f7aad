package org.banso.guideline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.support.ApiAccounts.bearer;
import static org.banso.support.ApiAccounts.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** The basic guideline through the API: R1 and the public guideline in force, with its PDF. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class GuidelineTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    ApiAccounts accounts;
    String officer;
    String ministryId;

    @BeforeEach
    void setUp() throws Exception {
        accounts = new ApiAccounts(mvc, json);
        officer = accounts.tokenFor("po", "PROGRAM_OFFICER");
        String body = mvc.perform(post("/api/v1/organizations").header("Authorization", bearer(accounts.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"nameEn\":\"Ministry\",\"kind\":\"MINISTRY\"}"
                                .formatted(unique("経済産業省"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        ministryId = json.readTree(body).get("id").asString();
    }

    @Test
    void aCompleteDraftComesIntoForceAndIsPublic() throws Exception { // R1
        String id = completeDraft("経済安全保障重要技術の研究開発基本指針");
        enforce(id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_FORCE"));
        mvc.perform(get("/api/v1/guidelines/current"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.measures[*].kind").value(hasItem("HUMAN_RESOURCES")))
                .andExpect(jsonPath("$.measures[0].responsibleMinistryId").value(ministryId));
        mvc.perform(get("/guideline")).andExpect(status().isOk());
    }

    @Test
    void enforcingSupersedesThePreviousVersionSoExactlyOneIsInForce() throws Exception { // R1
        String first = completeDraft("第1版");
        enforce(first);
        String second = json.readTree(mvc.perform(post("/api/v1/guidelines").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"titleJa\":\"第2版\",\"titleEn\":\"Second\",\"basedOnId\":\"" + first + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.measures.length()").value(3))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        enforce(second).andExpect(status().isOk());
        mvc.perform(get("/api/v1/guidelines/" + first)).andExpect(jsonPath("$.status").value("SUPERSEDED"));
        assertThat(inForce()).isEqualTo(1);
    }

    @Test
    void aDraftWithoutFundingOrHumanResourceMeasuresCannotComeIntoForce() throws Exception { // R1
        String id = draft("不完全な案");
        measure(id, "INFORMATION_PROVISION", ministryId).andExpect(status().isCreated());
        enforce(id).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/guideline-incomplete"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("FUNDING")));
        mvc.perform(get("/api/v1/guidelines/" + id).header("Authorization", bearer(officer)))
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void everyMeasureNamesAResponsibleMinistry() throws Exception { // R1
        String id = draft("案");
        String company = json.readTree(mvc.perform(post("/api/v1/organizations")
                        .header("Authorization", bearer(accounts.adminToken())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"nameEn\":\"Co\",\"kind\":\"COMPANY\"}".formatted(unique("社"))))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        measure(id, "FUNDING", company).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("responsibleMinistryId"));
        measure(id, "FUNDING", null).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/guidelines/" + id).header("Authorization", bearer(officer)))
                .andExpect(jsonPath("$.measures.length()").value(0));
    }

    @Test
    void aVersionInForceIsARecordThatCannotBeEdited() throws Exception {
        String id = completeDraft("施行済み");
        enforce(id);
        measure(id, "OTHER", ministryId).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/guidelines/" + id + "/sections").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"headingJa\":\"x\",\"headingEn\":\"x\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void draftsAreOnlyForProgramOfficers() throws Exception {
        String id = draft("内部の案");
        mvc.perform(get("/api/v1/guidelines/" + id)).andExpect(status().isNotFound());
        String researcher = accounts.tokenFor("res", "RESEARCHER");
        mvc.perform(get("/api/v1/guidelines/" + id).header("Authorization", bearer(researcher)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/guidelines").header("Authorization", bearer(researcher)))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(id))));
        mvc.perform(post("/api/v1/guidelines").header("Authorization", bearer(researcher))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"titleJa\":\"x\",\"titleEn\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMeasuresStatusChangesKeepTheirHistory() throws Exception {
        String id = completeDraft("状況");
        enforce(id);
        String measure = json.readTree(mvc.perform(get("/api/v1/guidelines/" + id)).andReturn().getResponse()
                .getContentAsString()).get("measures").get(0).get("id").asString();
        mvc.perform(put("/api/v1/guidelines/measures/" + measure + "/status").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"ACTIVE\"}"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.history.length()").value(2))
                .andExpect(jsonPath("$.history[1].from").value("PLANNED"))
                .andExpect(jsonPath("$.history[1].to").value("ACTIVE"));
    }

    @Test
    void twoSimultaneousEnforcementsLeaveExactlyOneVersionInForce() throws Exception { // R1
        List<String> drafts = List.of(completeDraft("同時A"), completeDraft("同時B"), completeDraft("同時C"));
        var pool = Executors.newFixedThreadPool(3);
        List<Callable<Integer>> calls = new ArrayList<>();
        drafts.forEach(d -> calls.add(() -> enforce(d).andReturn().getResponse().getStatus()));
        List<Integer> statuses = new ArrayList<>();
        for (var f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).allMatch(s -> s == 200);
        assertThat(inForce()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from guideline_version where id in (?, ?, ?) and status = 'SUPERSEDED'")
                .params(UUID.fromString(drafts.get(0)), UUID.fromString(drafts.get(1)), UUID.fromString(drafts.get(2)))
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theGuidelineInForceIsAJapanesePdfWithItsFontEmbedded() throws Exception {
        String id = completeDraft("先端的な重要技術に係る研究開発基本指針（PDF試験）");
        enforce(id);
        byte[] pdf = mvc.perform(get("/api/v1/guidelines/current.pdf"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("先端的な重要技術に係る研究開発基本指針（PDF試験）", "支援策", "人材育成");
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).contains("IPAPGothic");
            assertThat(font.isEmbedded()).isTrue();
            // Kinsoku: no line of the body starts with a closing punctuation mark
            assertThat(text.lines().map(String::strip).filter(l -> !l.isEmpty()))
                    .noneMatch(l -> "、。）」".indexOf(l.charAt(0)) >= 0);
            Path png = Path.of("target", "screenshots", "guideline-pdf-page1.png");
            Files.createDirectories(png.getParent());
            javax.imageio.ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png", png.toFile());
        }
    }

    // --- helpers

    private String draft(String title) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/guidelines").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"titleJa\":\"%s\",\"titleEn\":\"R&D basic guideline\"}".formatted(title)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private String completeDraft(String title) throws Exception {
        String id = draft(title);
        mvc.perform(post("/api/v1/guidelines/" + id + "/sections").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"headingJa":"基本的な考え方","headingEn":"Basic approach",
                                 "bodyJa":"先端的な重要技術の研究開発とその成果の適切な活用は、中長期的に我が国が国際社会において確固たる地位を確保し続ける上で不可欠な要素であり、諸外国と伍する形で研究開発を進めるための制度を整備することが必要である。関係省庁等が伴走支援を行えるよう、有用な情報を安心して相互に情報共有・意見交換できる枠組みが必要である。",
                                 "bodyEn":"Advanced critical technologies matter."}"""))
                .andExpect(status().isCreated());
        for (String kind : List.of("INFORMATION_PROVISION", "FUNDING", "HUMAN_RESOURCES")) {
            measure(id, kind, ministryId).andExpect(status().isCreated());
        }
        return id;
    }

    private ResultActions measure(String versionId, String kind, String ministry) throws Exception {
        String ministryJson = ministry == null ? "null" : "\"" + ministry + "\"";
        return mvc.perform(post("/api/v1/guidelines/" + versionId + "/measures").header("Authorization", bearer(officer))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"%s","titleJa":"%s支援策","titleEn":"%s measure","descriptionJa":"協議会を通じた情報提供と人材育成。",
                         "descriptionEn":"Support.","responsibleMinistryId":%s,"technologyIds":[]}"""
                        .formatted(kind, kind.equals("HUMAN_RESOURCES") ? "人材育成" : kind, kind, ministryJson)));
    }

    private ResultActions enforce(String id) throws Exception {
        return mvc.perform(post("/api/v1/guidelines/" + id + "/enforce").header("Authorization", bearer(officer)));
    }

    private long inForce() {
        return jdbc.sql("select count(*) from guideline_version where status = 'IN_FORCE'").query(Long.class).single();
    }
}
