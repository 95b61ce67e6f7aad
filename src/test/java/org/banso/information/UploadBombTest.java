package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.Map;

import org.banso.identity.IdentityManagement;
import org.banso.information.internal.content.DecompressionBombs;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * A decompression bomb is refused at upload with {@code 413 payload-too-large} and nothing is stored: a zip bomb
 * named {@code .docx}, a Flate bomb PDF, a PNG announcing ten billion pixels (issue #13; R17's store stays clean).
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class UploadBombTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;

    @Test
    void bombsAreRefusedAtUploadAndLeaveNothingBehind() throws Exception {
        InformationTestSupport api = new InformationTestSupport(mvc, json, identity);
        InformationTestSupport.World world = api.world();
        long contentsBefore = jdbc.sql("select count(*) from information_content").query(Long.class).single();
        Map<String, byte[]> bombs = Map.of(
                "report.docx", DecompressionBombs.zipBomb(300),
                "report.pdf", DecompressionBombs.flateBombPdf(300, 2),
                "figure.png", DecompressionBombs.pngHeader(100_000, 100_000));
        for (Map.Entry<String, byte[]> bomb : bombs.entrySet()) {
            MvcResult result = mvc.perform(multipart("/api/v1/councils/" + world.council() + "/items")
                    .file(new MockMultipartFile("file", bomb.getKey(), "application/octet-stream", bomb.getValue()))
                    .file(new MockMultipartFile("meta", "", MediaType.APPLICATION_JSON_VALUE,
                            json.writeValueAsBytes(Map.of("title", "爆弾 " + bomb.getKey(), "category", "REPORT"))))
                    .header("Authorization", ApiAccounts.bearer(world.startup().token()))).andReturn();
            assertThat(result.getResponse().getStatus()).as("%s: %s", bomb.getKey(),
                    result.getResponse().getContentAsString()).isEqualTo(413);
            assertThat(json.readTree(result.getResponse().getContentAsString()).get("type").asString())
                    .isEqualTo("/problems/payload-too-large");
        }
        assertThat(jdbc.sql("select count(*) from information_content").query(Long.class).single())
                .as("nothing stored").isEqualTo(contentsBefore);
        assertThat(jdbc.sql("select count(*) from information_item where council_id = ?::uuid")
                .param(world.council()).query(Long.class).single()).isZero();
    }
}
