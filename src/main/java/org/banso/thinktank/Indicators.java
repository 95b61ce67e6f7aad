package org.banso.thinktank;

import java.util.List;
import java.util.Optional;

/**
 * Indicators computed from a dataset of count tables (publications by field, patent families by WIPO field). Every
 * figure is derived on demand from the counts; nothing is stored twice.
 *
 * <ul>
 * <li>specialization index {@code SI = (F_c / T_c) / (F_w / T_w)}: F = the country's (c) or world's (w) count in the
 * field, T = its count over all fields (for patents: all classified families, unclassified ones left out unless
 * asked for);</li>
 * <li>world share {@code F_c / F_w};</li>
 * <li>growth: the compound annual growth rate {@code (F_c(to) / F_c(from))^(1 / (to - from)) - 1};</li>
 * <li>rank: the position of the country's count among all countries (leaf rows, not regions), 1 = largest.</li>
 * </ul>
 */
public interface Indicators {

    String BUILT_IN = "ncses-sei-2020";

    List<String> datasets();

    /**
     * Imports further tables of the NCSES layout as a new dataset (ANALYST, PROGRAM_OFFICER). Each table comes as
     * its CSV and its README (whose first heading is the table title), paired by file name stem
     * ({@code t1825.csv} with {@code t1825.README.md}); one title must name no field: that table holds the totals.
     */
    List<Field> importDataset(String name, List<Upload> files, org.banso.identity.BansoUser actor);

    record Upload(String filename, byte[] content) {
    }

    /** Fields of a dataset, publication fields first, then patent fields. */
    List<Field> fields(String dataset);

    /** Every row name (countries and regions) in the order of the tables. */
    List<String> rows(String dataset);

    /** Empty when the dataset, row, field or year is unknown; a value of {@code null} means "not available". */
    Optional<Indicator> indicator(String dataset, String country, String field, int year, boolean includeUnclassified);

    /** The specialization index alone (R19); {@code not-found} for any unknown name. */
    Specialization specialization(String dataset, String country, String field, int year);

    /** Growth of the country's count between two years (CAGR). */
    Optional<Double> growth(String dataset, String country, String field, int fromYear, int toYear);

    /** The whole matrix: every row × field × year. */
    List<Indicator> matrix(String dataset);

    enum Kind { PUBLICATIONS, PATENTS }

    record Field(String key, String title, Kind kind, int firstYear, int lastYear) {
    }

    /** The contract of {@code GET /thinktank/indicators/specialization}. */
    record Specialization(String dataset, String country, String field, int year, Double value) {
    }

    record Indicator(String dataset, String country, String path, boolean isCountry, String field, Kind kind, int year,
                     Double count, Double total, Double specialization, Double worldShare, Integer rank) {
    }
}
