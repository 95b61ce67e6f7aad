package org.banso.thinktank.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.banso.thinktank.Indicators.Kind;

/**
 * Count tables in the NCSES layout: {@code region_country_or_economy_full_path}, then
 * {@code field_<year>_fractional_count} (publications) or {@code field_<year>_patent_families} (patents) columns.
 * Special values ({@code na}, {@code ne}, {@code i}, {@code r}, {@code D}) become {@code NaN}; a number carrying a
 * flag letter keeps its number. Pure Java, no Spring: the benchmark parses with it directly.
 */
public final class CountTables {

    private static final Pattern TITLE_FIELD = Pattern.compile("(?:articles|granted) in (.+?), by ");
    private static final Pattern FOOTNOTE = Pattern.compile("<sup>.*?</sup>");
    static final String PATH = "region_country_or_economy_full_path";

    private CountTables() {
    }

    /** One table: the counts of one field (or of all fields) per row and year. */
    public record Table(String field, String title, Kind kind, int firstYear, List<String> paths,
                        Map<String, Integer> rowIndex, double[][] counts) {

        public int lastYear() {
            return firstYear + counts[0].length - 1;
        }

        public double value(String path, int year) {
            Integer row = rowIndex.get(path);
            int column = year - firstYear;
            if (row == null || column < 0 || column >= counts[row].length) {
                return Double.NaN;
            }
            return counts[row][column];
        }
    }

    /**
     * The field key of a table title: the part after the word in and before the words by region, lower case, runs of spaces and
     * commas turned into one hyphen; {@code null} for a table of all fields (a title without a field).
     */
    public static String fieldKey(String title) {
        Matcher m = TITLE_FIELD.matcher(title);
        if (!m.find()) {
            return null;
        }
        return m.group(1).toLowerCase(Locale.ROOT).replaceAll("[\\s,]+", "-");
    }

    /** The row name: the last segment of the path without footnote marks ({@code Serbia<sup>a</sup>} → Serbia). */
    public static String rowName(String path) {
        int arrow = path.lastIndexOf(" -> ");
        String last = arrow < 0 ? path : path.substring(arrow + 4);
        return FOOTNOTE.matcher(last).replaceAll("").trim();
    }

    /** The title from a table README's first heading. */
    public static String titleOf(InputStream readme) throws IOException {
        String text = new String(readme.readAllBytes(), StandardCharsets.UTF_8);
        for (String line : text.split("\\R")) {
            if (line.startsWith("# ")) {
                return line.substring(2).trim();
            }
        }
        throw new IOException("The README has no title heading");
    }

    public static Table parse(String title, InputStream csv) throws IOException {
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                     .parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains(PATH)) {
                throw new IOException("Not an NCSES count table: no " + PATH + " column");
            }
            String suffix = header.stream().anyMatch(h -> h.endsWith("_fractional_count")) ? "_fractional_count"
                    : header.stream().anyMatch(h -> h.endsWith("_patent_families")) ? "_patent_families" : null;
            if (suffix == null) {
                throw new IOException("Not an NCSES count table: no fractional counts nor patent families");
            }
            Kind kind = suffix.equals("_fractional_count") ? Kind.PUBLICATIONS : Kind.PATENTS;
            Map<Integer, Integer> yearColumn = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i);
                if (h.startsWith("field_") && h.endsWith(suffix)) {
                    yearColumn.put(Integer.parseInt(h.substring(6, h.length() - suffix.length())), i);
                }
            }
            int first = yearColumn.keySet().stream().min(Integer::compare).orElseThrow();
            int last = yearColumn.keySet().stream().max(Integer::compare).orElseThrow();
            int pathColumn = header.indexOf(PATH);
            List<String> paths = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                double[] values = new double[last - first + 1];
                java.util.Arrays.fill(values, Double.NaN);
                for (Map.Entry<Integer, Integer> e : yearColumn.entrySet()) {
                    values[e.getKey() - first] = number(record.get(e.getValue()));
                }
                paths.add(record.get(pathColumn));
                rows.add(values);
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < paths.size(); i++) {
                index.put(paths.get(i), i);
            }
            return new Table(fieldKey(title), title, kind, first, List.copyOf(paths), Map.copyOf(index),
                    rows.toArray(double[][]::new));
        }
    }

    static double number(String cell) {
        String s = cell.trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        char c = s.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '.')) {
            return Double.NaN; // na, ne, i, r, D alone: no number
        }
        int end = s.length();
        while (end > 0 && Character.isLetter(s.charAt(end - 1))) {
            end--; // a flag after the number (e.g. 123r): keep the number
        }
        try {
            return Double.parseDouble(s.substring(0, end).replace(",", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
