package org.banso.thinktank;

import static org.banso.support.ApiAccounts.bearer;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

/** R19: the indicator API contract. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class IndicatorApiTest {

    static final String SI = "/api/v1/thinktank/indicators/specialization";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    String researcher;

    @BeforeEach
    void setUp() throws Exception {
        researcher = new ApiAccounts(mvc, json).tokenFor("si", "RESEARCHER");
    }

    @Test
    void anySignedInPersonGetsTheSpecializationIndexInTheContractShape() throws Exception { // R19
        mvc.perform(get(SI).param("dataset", "ncses-sei-2020").param("country", "Japan")
                        .param("field", "engineering").param("year", "2018")
                        .header("Authorization", bearer(researcher)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dataset").value("ncses-sei-2020"))
                .andExpect(jsonPath("$.country").value("Japan"))
                .andExpect(jsonPath("$.field").value("engineering"))
                .andExpect(jsonPath("$.year").value(2018))
                .andExpect(jsonPath("$.value").value(closeTo(0.8926308, 1e-6), Double.class));
        mvc.perform(get(SI).param("dataset", "ncses-sei-2020").param("country", "Germany")
                        .param("field", "geosciences-atmospheric-and-ocean-sciences").param("year", "2000")
                        .header("Authorization", bearer(researcher)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.value").isNumber());
    }

    @Test
    void withoutSignInTheIndicatorIsRefused() throws Exception { // R19: logged-in users only
        mvc.perform(get(SI).param("dataset", "ncses-sei-2020").param("country", "Japan")
                .param("field", "engineering").param("year", "2018")).andExpect(status().isUnauthorized());
    }

    @Test
    void unknownNamesAreNotFound() throws Exception { // R19
        for (String[] q : new String[][]{{"nope", "Japan", "engineering", "2018"},
                {"ncses-sei-2020", "Atlantis", "engineering", "2018"},
                {"ncses-sei-2020", "Japan", "alchemy", "2018"},
                {"ncses-sei-2020", "Japan", "engineering", "1990"}}) {
            mvc.perform(get(SI).param("dataset", q[0]).param("country", q[1]).param("field", q[2])
                            .param("year", q[3]).header("Authorization", bearer(researcher)))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("/problems/not-found"));
        }
    }

    @Test
    void missingParametersAreAValidationFailure() throws Exception { // R19
        mvc.perform(get(SI).param("dataset", "ncses-sei-2020").param("country", "Japan")
                        .header("Authorization", bearer(researcher)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("field", "year")));
    }

    @Test
    void allIndicatorsOfARowIncludeRankGrowthAndThePatentTotalsChoice() throws Exception { // R19
        mvc.perform(get("/api/v1/thinktank/indicators").param("dataset", "ncses-sei-2020")
                        .param("country", "Japan").param("field", "engineering").param("year", "2018")
                        .param("growthFrom", "2013").header("Authorization", bearer(researcher)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicator.rank").value(5))
                .andExpect(jsonPath("$.growth").value(closeTo(-0.0447618, 1e-6), Double.class));
        mvc.perform(get("/api/v1/thinktank/indicators").param("dataset", "ncses-sei-2020")
                        .param("country", "South Korea").param("field", "semiconductors").param("year", "2010")
                        .param("includeUnclassified", "true").header("Authorization", bearer(researcher)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicator.specialization").value(closeTo(1.8675710, 1e-6), Double.class));
    }

    @Test
    void theWholeMatrixExportsAsCsv() throws Exception { // R19 bulk
        mvc.perform(get("/api/v1/thinktank/indicators/matrix.csv").header("Authorization", bearer(researcher)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "dataset,path,country,is_country,kind,field,year,count,total,specialization")))
                .andExpect(content().string(containsString(
                        "ncses-sei-2020,World -> Asia -> Japan,Japan,true,PUBLICATIONS,engineering,2018,14951.810000")));
    }
}
