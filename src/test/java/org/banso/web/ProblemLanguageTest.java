package org.banso.web;

import static org.banso.support.ApiAccounts.bearer;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.banso.shared.ProblemCode;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's problem titles follow {@code Accept-Language} (issue 17): Japanese when asked for, English — the API's
 * language — otherwise; the type, the stable key clients act on, never changes.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class ProblemLanguageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void theTitleIsJapaneseWhenAskedForAndEnglishOtherwiseWithTheSameType() throws Exception {
        String token = new ApiAccounts(mvc, json).tokenFor("lang", "RESEARCHER");
        String missing = "/api/v1/technologies/" + UUID.randomUUID();
        mvc.perform(get(missing).header("Authorization", bearer(token)).header("Accept-Language", "ja-JP,ja;q=0.9"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.title").value(matchesPattern(".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*")));
        mvc.perform(get(missing).header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.title").value(ProblemCode.NOT_FOUND.title()));
        mvc.perform(get(missing).header("Authorization", bearer(token)).header("Accept-Language", "en-GB, ja;q=0.5"))
                .andExpect(jsonPath("$.title").value(ProblemCode.NOT_FOUND.title()));
        mvc.perform(get(missing).header("Authorization", bearer(token)).header("Accept-Language", "fr"))
                .andExpect(jsonPath("$.title").value(ProblemCode.NOT_FOUND.title()));
    }
}
