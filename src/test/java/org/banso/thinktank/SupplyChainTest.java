package org.banso.thinktank;

import static org.banso.support.ApiAccounts.bearer;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** R4: Japan's strengths and dependences in the semiconductor supply chain (ETO data). */
@BansoIntegrationTest
@AutoConfigureMockMvc
class SupplyChainTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    String token;

    @BeforeEach
    void setUp() throws Exception {
        token = new ApiAccounts(mvc, json).tokenFor("sc", "ANALYST");
    }

    @Test
    void stageSharesMatchThePublishedFigures() throws Exception { // R4: Fabrication 2022 CHN 24, TWN 18, JPN 17
        mvc.perform(get("/api/v1/thinktank/supply-chain/inputs/S2").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leader").value("CHN"))
                .andExpect(jsonPath("$.leaderShare").value(24.0))
                .andExpect(jsonPath("$.share").value(17.0))
                .andExpect(jsonPath("$.present").value(true));
    }

    @Test
    void aSingleSupplierInputHasTheMaximumConcentrationAndIsAJapaneseDependence() throws Exception { // R4
        // EUV lithography tools: NLD 100 % → HHI 10 000, Japan absent
        mvc.perform(get("/api/v1/thinktank/supply-chain/inputs/N20").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hhi").value(closeTo(10000.0, 1e-9), Double.class))
                .andExpect(jsonPath("$.leader").value("NLD"))
                .andExpect(jsonPath("$.present").value(false))
                .andExpect(jsonPath("$.reference").value(containsString("N20")));
        mvc.perform(get("/api/v1/thinktank/supply-chain/profile").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dependences[*].id").value(hasItem("N20")))
                .andExpect(jsonPath("$.attribution").value(containsString("CC BY-NC 4.0")));
    }

    @Test
    void inputsJapanLeadsAreStrengthsAndNeverDependences() throws Exception { // R4
        // dicing tools: Japan 95 %
        mvc.perform(get("/api/v1/thinktank/supply-chain/profile").param("country", "JPN")
                        .header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.strengths[?(@.name == 'Dicing tools')].leaderShare").value(hasItem(95.0)))
                .andExpect(jsonPath("$.dependences[*].leader").value(not(hasItem("JPN"))));
    }

    @Test
    void theSupplyChainViewNeedsSignIn() throws Exception { // R4
        mvc.perform(get("/api/v1/thinktank/supply-chain/profile")).andExpect(status().isUnauthorized());
    }
}
