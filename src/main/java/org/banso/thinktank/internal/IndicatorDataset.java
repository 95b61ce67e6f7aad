package org.banso.thinktank.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.banso.thinktank.Indicators.Field;
import org.banso.thinktank.Indicators.Kind;
import org.banso.thinktank.internal.CountTables.Table;

/**
 * A dataset of count tables: for publications a table of all fields plus one per field; for patents a table of all
 * families, one per WIPO field and one of unclassified families. Immutable once loaded; the indicator arithmetic
 * lives here so that the benchmark can run it without Spring.
 */
public final class IndicatorDataset {

    public static final String WORLD = "World";

    /** The tables of the built-in dataset under {@code datasets/ncses-sei-2020/}. */
    static final String PUBLICATION_TOTAL = "pubs/t1819";
    static final String PATENT_TOTAL = "patents/t1917";
    static final String PATENT_UNCLASSIFIED = "patents/t1922";

    private final String name;
    private final Map<Kind, Table> totals;
    private final Table unclassified;
    private final Map<String, Table> fields;
    private final Map<Kind, Map<String, String>> pathsByName = new HashMap<>();
    private final Map<Kind, Set<String>> countries = new HashMap<>();

    IndicatorDataset(String name, Map<Kind, Table> totals, Table unclassified, Map<String, Table> fields) {
        this.name = name;
        this.totals = Map.copyOf(totals);
        this.unclassified = unclassified;
        this.fields = fields;
        for (Map.Entry<Kind, Table> e : totals.entrySet()) {
            Map<String, String> byName = new HashMap<>();
            Set<String> parents = new HashSet<>();
            for (String path : e.getValue().paths()) {
                byName.putIfAbsent(CountTables.rowName(path).toLowerCase(Locale.ROOT), path);
                byName.putIfAbsent(lastSegment(path).toLowerCase(Locale.ROOT), path);
                int arrow = path.lastIndexOf(" -> ");
                if (arrow > 0) {
                    parents.add(path.substring(0, arrow));
                }
            }
            Set<String> leaves = new HashSet<>();
            for (String path : e.getValue().paths()) {
                String row = CountTables.rowName(path);
                if (!parents.contains(path) && !row.equals(WORLD) && !row.equalsIgnoreCase("Unassigned")) {
                    leaves.add(path);
                }
            }
            pathsByName.put(e.getKey(), byName);
            countries.put(e.getKey(), leaves);
        }
    }

    /** Loads the built-in NCSES SEI 2020 dataset through {@code open} (a path below the dataset → a stream). */
    public static IndicatorDataset ncses(String name, Function<String, InputStream> open) {
        List<String> tables = new ArrayList<>();
        for (int id = 1820; id <= 1834; id++) {
            if (id != 1828) {
                tables.add("pubs/t" + id);
            }
        }
        for (int id = 1902; id <= 1941; id++) {
            if (id < 1914 || id > 1917 && id != 1922) {
                tables.add("patents/t" + id);
            }
        }
        Map<Kind, Table> totals = new LinkedHashMap<>();
        totals.put(Kind.PUBLICATIONS, table(open, PUBLICATION_TOTAL));
        totals.put(Kind.PATENTS, table(open, PATENT_TOTAL));
        Map<String, Table> fields = new LinkedHashMap<>();
        Table all = totals.get(Kind.PUBLICATIONS);
        fields.put("all-fields-combined", all);
        for (String path : tables) {
            Table t = table(open, path);
            fields.put(t.field(), t);
        }
        return new IndicatorDataset(name, totals, table(open, PATENT_UNCLASSIFIED), fields);
    }

    /**
     * A dataset of imported tables of the NCSES layout: the table whose title names no field holds the totals (all
     * fields); every other table is a field. All tables must be of one kind (publications or patents).
     *
     * @throws IllegalArgumentException when there is no total table, two tables share a field, or kinds are mixed
     */
    public static IndicatorDataset of(String name, List<Table> tables) {
        Table total = null;
        Map<String, Table> fields = new LinkedHashMap<>();
        for (Table t : tables) {
            if (t.field() == null || t.field().equals("all-fields-combined")) {
                if (total != null) {
                    throw new IllegalArgumentException("Two tables have no field in their title (two totals)");
                }
                total = t;
            } else if (fields.put(t.field(), t) != null) {
                throw new IllegalArgumentException("Two tables are of the field " + t.field());
            }
        }
        if (total == null) {
            throw new IllegalArgumentException("No table of all fields: one title must name no field");
        }
        Kind kind = total.kind();
        if (tables.stream().anyMatch(t -> t.kind() != kind)) {
            throw new IllegalArgumentException("All tables must count the same thing (articles or patent families)");
        }
        if (!total.rowIndex().containsKey(WORLD)) {
            throw new IllegalArgumentException("The table of all fields has no World row");
        }
        Map<String, Table> all = new LinkedHashMap<>();
        all.put("all-fields-combined", total);
        all.putAll(fields);
        return new IndicatorDataset(name, Map.of(kind, total), null, all);
    }

    private static Table table(Function<String, InputStream> open, String path) {
        try (InputStream readme = open.apply(path + ".README.md"); InputStream csv = open.apply(path + ".csv")) {
            return CountTables.parse(CountTables.titleOf(readme), csv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static String lastSegment(String path) {
        int arrow = path.lastIndexOf(" -> ");
        return arrow < 0 ? path : path.substring(arrow + 4);
    }

    public String name() {
        return name;
    }

    public List<Field> fields() {
        return fields.values().stream()
                .map(t -> new Field(t.field(), t.title(), t.kind(), t.firstYear(), t.lastYear())).toList();
    }

    public Table field(String key) {
        return fields.get(key);
    }

    public List<String> rows(Kind kind) {
        Table t = totals.get(kind);
        return t == null ? List.of() : t.paths();
    }

    public java.util.Set<Kind> kinds() {
        return totals.keySet();
    }

    /** The row's path in the tables of this kind, by its name (case-insensitive), or {@code null}. */
    public String path(Kind kind, String country) {
        Map<String, String> byName = pathsByName.get(kind);
        return country == null || byName == null ? null : byName.get(country.trim().toLowerCase(Locale.ROOT));
    }

    public boolean isCountry(Kind kind, String path) {
        return countries.get(kind).contains(path);
    }

    /** T for a row: all fields; for patents without the unclassified families unless asked. */
    public double total(Kind kind, String path, int year, boolean includeUnclassified) {
        double total = totals.get(kind).value(path, year);
        if (kind == Kind.PATENTS && !includeUnclassified && unclassified != null) {
            double none = unclassified.value(path, year);
            total -= Double.isNaN(none) ? 0 : none;
        }
        return total;
    }

    /** {@code SI = (F_c/T_c)/(F_w/T_w)}; NaN when a count is missing or a total is zero. */
    public double specialization(Table field, String path, int year, boolean includeUnclassified) {
        double fc = field.value(path, year);
        double tc = total(field.kind(), path, year, includeUnclassified);
        double fw = field.value(WORLD, year);
        double tw = total(field.kind(), WORLD, year, includeUnclassified);
        double si = (fc / tc) / (fw / tw);
        return Double.isFinite(si) ? si : Double.NaN;
    }

    public double worldShare(Table field, String path, int year) {
        double share = field.value(path, year) / field.value(WORLD, year);
        return Double.isFinite(share) ? share : Double.NaN;
    }

    /** 1 = the largest count among countries; 0 when the row is no country or has no count. */
    public int rank(Table field, String path, int year) {
        double own = field.value(path, year);
        if (Double.isNaN(own) || !isCountry(field.kind(), path)) {
            return 0;
        }
        int rank = 1;
        for (String other : countries.get(field.kind())) {
            if (field.value(other, year) > own) {
                rank++;
            }
        }
        return rank;
    }

    public double growth(Table field, String path, int from, int to) {
        double cagr = Math.pow(field.value(path, to) / field.value(path, from), 1.0 / (to - from)) - 1;
        return Double.isFinite(cagr) ? cagr : Double.NaN;
    }

    /** Every specialization index: rows × fields × years, in that order, for the benchmark and the export. */
    public double[] allSpecializations(boolean includeUnclassified) {
        int size = 0;
        for (Table t : fields.values()) {
            size += t.paths().size() * t.counts()[0].length;
        }
        double[] out = new double[size];
        int i = 0;
        for (Table t : fields.values()) {
            for (String path : t.paths()) {
                for (int year = t.firstYear(); year <= t.lastYear(); year++) {
                    out[i++] = specialization(t, path, year, includeUnclassified);
                }
            }
        }
        return out;
    }
}
