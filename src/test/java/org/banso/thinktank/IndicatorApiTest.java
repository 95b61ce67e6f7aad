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
import org.banso.support.XlsxSheet;
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

    @Test
    void theWholeMatrixExportsAsXlsx() throws Exception { // R19 bulk
        byte[] xlsx = mvc.perform(get("/api/v1/thinktank/indicators/matrix.xlsx")
                        .header("Authorization", bearer(researcher)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        XlsxSheet sheet = XlsxSheet.read(xlsx, "indicators");
        org.assertj.core.api.Assertions.assertThat(sheet.header().get(9)).isEqualTo("specialization");
        // 15 publication fields × 216 rows × 19 years + 35 patent fields × 53 rows × 21 years
        org.assertj.core.api.Assertions.assertThat(sheet.lastRow()).isEqualTo(100_515);
    }

    static org.springframework.mock.web.MockMultipartFile file(String name, String content) {
        return new org.springframework.mock.web.MockMultipartFile("files", name, "text/plain",
                content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void anAnalystImportsTablesOfTheSameLayoutAndGetsTheirIndicators() throws Exception { // R19
        String analyst = new ApiAccounts(mvc, json).tokenFor("imp", "ANALYST");
        String name = ApiAccounts.unique("quantum-").toLowerCase(java.util.Locale.ROOT);
        String header = "table_id,row_id,region_country_or_economy_full_path,field_2019_fractional_count,"
                + "field_2020_fractional_count\n";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/v1/thinktank/datasets").file(file("t1.csv", header
                                + "1,r1,World,1000,1200\n1,r2,World -> Asia -> Japan,100,110\n"))
                        .file(file("t1.README.md", "# S&E articles in all fields combined, by region: 2019–20\n"))
                        .file(file("t2.csv", header + "2,r1,World,50,80\n2,r2,World -> Asia -> Japan,10,12\n"))
                        .file(file("t2.README.md", "# S&E articles in quantum science, by region: 2019–20\n"))
                        .param("name", name).header("Authorization", bearer(analyst)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[1].key").value("quantum-science"));
        // SI = (10/100) / (50/1000) = 2
        mvc.perform(get(SI).param("dataset", name).param("country", "Japan").param("field", "quantum-science")
                        .param("year", "2019").header("Authorization", bearer(researcher)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(closeTo(2.0, 1e-12), Double.class));
        // a researcher may not import; a table without its README is refused
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/v1/thinktank/datasets").file(file("t1.csv", header))
                        .param("name", name + "-x").header("Authorization", bearer(researcher)))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/v1/thinktank/datasets").file(file("t1.csv", header))
                        .param("name", name + "-x").header("Authorization", bearer(analyst)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files"));
    }
}
