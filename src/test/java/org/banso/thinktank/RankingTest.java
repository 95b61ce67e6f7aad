package org.banso.thinktank;

import static org.banso.support.ApiAccounts.bearer;
import static org.banso.support.ApiAccounts.unique;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** R19: technologies ranked from indicators and expert input, explained, with sensitivity, citable by assessments. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class RankingTest {

    static final String CONSISTENT = "[[1,2,3,2],[0.5,1,2,1],[0.3333333333,0.5,1,0.5],[0.5,1,2,1]]";
    static final String INCONSISTENT = "[[1,9,0.1111111111,1],[0.1111111111,1,9,1],[9,0.1111111111,1,1],[1,1,1,1]]";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    ApiAccounts accounts;
    String analyst;
    String officer;

    @BeforeEach
    void setUp() throws Exception {
        accounts = new ApiAccounts(mvc, json);
        analyst = accounts.tokenFor("rk", "ANALYST");
        officer = accounts.tokenFor("rkpo", "PROGRAM_OFFICER");
    }

    String technology(String nameJa) throws Exception {
        String body = mvc.perform(post("/api/v1/technologies").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code":"%s","nameJa":"%s","nameEn":"Tech","domain":"A05","description":"test"}"""
                                .formatted(unique("RK").toUpperCase(Locale.ROOT), nameJa)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    ResultActions rank(String token, String comparisons, String semis) throws Exception {
        return mvc.perform(post("/api/v1/thinktank/rankings").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"半導体・材料の絞り込み","country":"Japan","year":2018,"growthFrom":2013,
                         "comparisons":%s,
                         "alternatives":[
                           {"technologyId":"%s","field":"semiconductors","socialNeeds":5,"risk":5},
                           {"label":"光学","field":"optics","socialNeeds":3,"risk":3},
                           {"label":"材料科学","field":"materials-science","socialNeeds":2,"risk":2}]}"""
                        .formatted(comparisons, semis)));
    }

    @Test
    void aRankingWeighsByAhpRanksByTopsisAndExplainsEveryRank() throws Exception { // R19
        String semis = technology("先端半導体");
        String body = rank(analyst, CONSISTENT, semis)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.consistencyRatio").value(closeTo(0.0, 0.1), Double.class))
                .andExpect(jsonPath("$.weights.length()").value(4))
                .andExpect(jsonPath("$.ranked.length()").value(3))
                // hand-computed: weights 0.424/0.227/0.122/0.227; optics (Japan SI 2.111) 0.509 ahead of
                // semiconductors (SI 1.282, needs and risk 5) 0.460 and materials science (SI 0.759) 0.441
                .andExpect(jsonPath("$.weights[0]").value(closeTo(0.4236, 1e-4), Double.class))
                .andExpect(jsonPath("$.ranked[0].rank").value(1))
                .andExpect(jsonPath("$.ranked[0].label").value("光学"))
                .andExpect(jsonPath("$.ranked[0].closeness").value(closeTo(0.5090, 1e-4), Double.class))
                .andExpect(jsonPath("$.ranked[1].technologyId").value(semis))
                .andExpect(jsonPath("$.ranked[1].label").value("先端半導体"))
                .andExpect(jsonPath("$.ranked[1].closeness").value(closeTo(0.4601, 1e-4), Double.class))
                .andExpect(jsonPath("$.ranked[2].closeness").value(closeTo(0.4409, 1e-4), Double.class))
                .andExpect(jsonPath("$.ranked[1].contributions.length()").value(4))
                .andExpect(jsonPath("$.ranked[1].contributions[0].criterion").value("JAPAN_STRENGTH"))
                // Japan's SI in semiconductor patent families 2018, from the counts (see IndicatorDatasetTest)
                .andExpect(jsonPath("$.ranked[1].contributions[0].value").value(closeTo(1.2815169, 1e-6), Double.class))
                .andExpect(jsonPath("$.sensitivity.length()").value(8))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        mvc.perform(get("/api/v1/thinktank/rankings/" + id).header("Authorization", bearer(officer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ranked[1].technologyId").value(semis));
        // the technology's assessment can cite it
        mvc.perform(get("/api/v1/thinktank/rankings/technologies/" + semis).header("Authorization", bearer(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].citation.rank").value(2))
                .andExpect(jsonPath("$[0].citation.of").value(3))
                .andExpect(jsonPath("$[0].reference").value(containsString("rank 2 of 3")));
    }

    @Test
    void inconsistentComparisonsAreRefusedWithTheirConsistencyRatio() throws Exception { // R19: CR > 0.1
        rank(analyst, INCONSISTENT, technology("先端半導体"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("comparisons"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("consistency ratio")));
    }

    @Test
    void onlyProgramOfficersAndAnalystsComputeRankings() throws Exception { // R19
        String researcher = accounts.tokenFor("rkr", "RESEARCHER");
        rank(researcher, CONSISTENT, technology("先端半導体")).andExpect(status().isForbidden());
    }

    @Test
    void expertScoresOutsideOneToFiveAndUnknownFieldsAreRejected() throws Exception { // R19
        mvc.perform(post("/api/v1/thinktank/rankings").header("Authorization", bearer(analyst))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title":"t","comparisons":%s,"alternatives":[
                                  {"label":"a","field":"alchemy","socialNeeds":3,"risk":3},
                                  {"label":"b","field":"optics","socialNeeds":7,"risk":3}]}""".formatted(CONSISTENT)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems(
                        "alternatives[0].field", "alternatives[1].socialNeeds")));
    }
}
