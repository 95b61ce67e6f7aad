package org.banso.thinktank.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.banso.thinktank.Indicators.Kind;
import org.banso.thinktank.internal.CountTables.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R19: the indicators of the built-in NCSES SEI 2020 dataset against values computed by hand from the raw counts of
 * the tables (the count, total and world figures are quoted in each test so the arithmetic can be checked).
 */
class IndicatorDatasetTest {

    static IndicatorDataset ncses;

    @BeforeAll
    static void load() {
        ncses = IndicatorDataset.ncses("ncses-sei-2020", path -> IndicatorDatasetTest.class.getClassLoader()
                .getResourceAsStream("datasets/ncses-sei-2020/" + path));
    }

    double si(String country, String field, int year) {
        Table t = ncses.field(field);
        return ncses.specialization(t, ncses.path(t.kind(), country), year, false);
    }

    @Test
    void specializationOfPublicationsEqualsTheHandComputedRatioOfFractionalCounts() { // R19
        // Japan, engineering, 2018: (14951.81 / 98792.5) / (433363 / 2555959)
        assertThat(si("Japan", "engineering", 2018))
                .isCloseTo((14951.81 / 98792.5) / (433363.0 / 2555959.0), within(1e-12))
                .isCloseTo(0.89, within(0.005));
        // Germany, chemistry, 2010: (5990.79 / 97252.08) / (111678 / 1948805)
        assertThat(si("Germany", "chemistry", 2010)).isCloseTo(1.0749443, within(1e-6));
        // United States, computer and information sciences, 2005
        assertThat(si("United States", "computer-and-information-sciences", 2005)).isCloseTo(0.8682885, within(1e-6));
        // China, materials science, 2016
        assertThat(si("China", "materials-science", 2016)).isCloseTo(1.9383719, within(1e-6));
        // India, geosciences, atmospheric, and ocean sciences, 2014 (the field name with commas)
        assertThat(si("India", "geosciences-atmospheric-and-ocean-sciences", 2014)).isCloseTo(0.6017898, within(1e-6));
    }

    @Test
    void worldShareRankAndGrowthFollowTheRawCounts() { // R19
        Table eng = ncses.field("engineering");
        String japan = ncses.path(Kind.PUBLICATIONS, "Japan");
        assertThat(ncses.worldShare(eng, japan, 2018)).isCloseTo(14951.81 / 433363.0, within(1e-12));
        // 2018 engineering among countries (not regions): China, United States, India, Germany, Japan
        assertThat(ncses.rank(eng, ncses.path(Kind.PUBLICATIONS, "China"), 2018)).isEqualTo(1);
        assertThat(ncses.rank(eng, japan, 2018)).isEqualTo(5);
        assertThat(ncses.rank(eng, ncses.path(Kind.PUBLICATIONS, "EU"), 2018)).as("a region has no rank").isZero();
        // CAGR 2013→2018 of Japan's engineering articles
        assertThat(ncses.growth(eng, japan, 2013, 2018)).isCloseTo(-0.0447618, within(1e-6));
    }

    @Test
    void patentSpecializationLeavesUnclassifiedFamiliesOutOfTheTotalsUnlessAsked() { // R19
        Table semis = ncses.field("semiconductors");
        String japan = ncses.path(Kind.PATENTS, "Japan");
        // Japan 2018: 4476 of 118535 families (4 unclassified); world 19901 of 676256 (887 unclassified)
        assertThat(ncses.specialization(semis, japan, 2018, false))
                .isCloseTo((4476.0 / (118535 - 4)) / (19901.0 / (676256 - 887)), within(1e-12))
                .isCloseTo(1.2815169, within(1e-6));
        assertThat(ncses.specialization(semis, japan, 2018, true)).isCloseTo(1.2831567, within(1e-6));
        // South Korea 2010: the unclassified families make a visible difference
        String korea = ncses.path(Kind.PATENTS, "South Korea");
        assertThat(ncses.specialization(semis, korea, 2010, false)).isCloseTo(1.8340349, within(1e-6));
        assertThat(ncses.specialization(semis, korea, 2010, true)).isCloseTo(1.8675710, within(1e-6));
    }

    @Test
    void theSumOfTheWorldsFieldsOfEveryYearWeightedBySpecializationIsOne() { // R19: a property of SI
        // Σ_f SI_w,f · F_w,f / T_w = Σ_f F_w,f / T_w; for the world row every SI is 1 by definition
        for (var field : ncses.fields()) {
            Table t = ncses.field(field.key());
            for (int year = t.firstYear(); year <= t.lastYear(); year++) {
                assertThat(ncses.specialization(t, IndicatorDataset.WORLD, year, false))
                        .as("%s %d", field.key(), year).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void fieldKeysComeFromTheTableTitlesAndRowNamesLoseTheirFootnotes() { // R19 contract
        assertThat(CountTables.fieldKey(
                "S&E articles in geosciences, atmospheric, and ocean sciences, by region, country, or economy: 2000–18"))
                .isEqualTo("geosciences-atmospheric-and-ocean-sciences");
        assertThat(CountTables.fieldKey("USPTO patents and patent families granted in electrical machinery, "
                + "apparatus, energy, by region, country, or economy: 1998–2018"))
                .isEqualTo("electrical-machinery-apparatus-energy");
        assertThat(CountTables.fieldKey("USPTO patents and patent families granted, by region")).isNull();
        assertThat(CountTables.rowName("World -> Europe -> Other Europe -> Serbia<sup>a</sup>")).isEqualTo("Serbia");
        assertThat(ncses.fields()).hasSize(15 + 35);
        assertThat(ncses.path(Kind.PUBLICATIONS, "Bahamas, The")).isNotNull();
    }

    @Test
    void specialValuesGiveNoNumberAndFlaggedNumbersKeepTheirValue() { // R19: na, ne, i, r, D
        assertThat(CountTables.number("na")).isNaN();
        assertThat(CountTables.number("ne")).isNaN();
        assertThat(CountTables.number("D")).isNaN();
        assertThat(CountTables.number("i")).isNaN();
        assertThat(CountTables.number("123.5r")).isEqualTo(123.5);
        assertThat(CountTables.number("1,234")).isEqualTo(1234.0);
    }

    @Test
    void aTableOfTheSameLayoutParses() throws Exception { // R19: further tables of the same layout
        String csv = """
                table_id,row_id,region_country_or_economy_full_path,field_2019_fractional_count,field_2019_whole_count
                9,r001,World,100.0,100
                9,r002,World -> Asia -> Japan,na,3
                """;
        Table t = CountTables.parse("S&E articles in quantum science, by region, country, or economy: 2019",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(t.field()).isEqualTo("quantum-science");
        assertThat(t.value("World", 2019)).isEqualTo(100.0);
        assertThat(t.value("World -> Asia -> Japan", 2019)).isNaN();
    }
}
