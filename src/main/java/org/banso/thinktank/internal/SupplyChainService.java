package org.banso.thinktank.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.banso.thinktank.SupplyChain;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/** Reads the ETO CSV files from the classpath once and keeps them in memory (a few hundred rows). */
@Service
class SupplyChainService implements SupplyChain {

    static final String VARIOUS = "Various countries";

    private record Node(String id, String name, String type, String stage) {
    }

    private record Row(String provider, String providerName, String provided, Double share, Integer year) {
    }

    private volatile Map<String, Node> nodes;
    private volatile Map<String, List<Row>> rows;

    private static List<CSVRecord> read(String file) {
        try (Reader reader = new InputStreamReader(new ClassPathResource("datasets/eto-chip-explorer/" + file)
                .getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void load() {
        if (rows != null) {
            return;
        }
        Map<String, Node> n = new LinkedHashMap<>();
        for (CSVRecord s : read("stages.csv")) {
            n.put(s.get("stage_id"), new Node(s.get("stage_id"), s.get("stage_name"), "stage", s.get("stage_name")));
        }
        Map<String, String> parent = new HashMap<>();
        for (CSVRecord s : read("sequence.csv")) {
            String up = !s.get("is_type_of_id").isBlank() ? s.get("is_type_of_id") : s.get("goes_into_id");
            if (!up.isBlank()) {
                parent.putIfAbsent(s.get("input_id"), up);
            }
        }
        Map<String, CSVRecord> inputs = new LinkedHashMap<>();
        for (CSVRecord r : read("inputs.csv")) {
            inputs.put(r.get("input_id"), r);
        }
        for (CSVRecord r : inputs.values()) {
            String stage = null;
            String at = r.get("input_id");
            for (int step = 0; step < 12 && at != null && stage == null; step++) {
                CSVRecord here = inputs.get(at);
                if (here != null && !here.get("stage_name").isBlank()) {
                    stage = here.get("stage_name");
                }
                at = parent.get(at);
            }
            n.put(r.get("input_id"), new Node(r.get("input_id"), r.get("input_name"), r.get("type"), stage));
        }
        Map<String, String[]> countries = new HashMap<>();
        for (CSVRecord p : read("providers.csv")) {
            if (p.get("provider_type").equals("country")) {
                countries.put(p.get("provider_id"), new String[]{p.get("provider_name"), p.get("alias")});
            }
        }
        Map<String, List<Row>> byInput = new LinkedHashMap<>();
        for (CSVRecord p : read("provision.csv")) {
            String[] country = countries.get(p.get("provider_id"));
            if (country == null || !n.containsKey(p.get("provided_id"))) {
                continue;
            }
            String share = p.get("share_provided");
            String year = p.get("year");
            byInput.computeIfAbsent(p.get("provided_id"), k -> new ArrayList<>()).add(new Row(country[0],
                    country[1].isBlank() ? country[0] : country[1], p.get("provided_id"),
                    share.isBlank() ? null : Double.valueOf(share), year.isBlank() ? null : Integer.valueOf(year)));
        }
        nodes = n;
        rows = byInput;
    }

    @Override
    public List<Position> positions(String country) {
        load();
        String c = code(country);
        return rows.keySet().stream().map(id -> position(nodes.get(id), rows.get(id), c))
                .sorted(Comparator.comparing((Position p) -> p.hhi() == null ? -1 : p.hhi()).reversed()).toList();
    }

    @Override
    public Optional<Position> position(String inputId, String country) {
        load();
        return Optional.ofNullable(rows.get(inputId)).map(r -> position(nodes.get(inputId), r, code(country)));
    }

    @Override
    public Profile profile(String country) {
        String c = code(country);
        List<Position> all = positions(c);
        List<Position> inputs = all.stream().filter(p -> !p.type().equals("stage")).toList();
        return new Profile(c, inputs.stream().filter(p -> c.equals(p.leader())).toList(),
                inputs.stream().filter(p -> !p.present() && p.hhi() != null && p.hhi() >= CONCENTRATED_HHI).toList(),
                ATTRIBUTION);
    }

    private static String code(String country) {
        return country == null || country.isBlank() ? "JPN" : country.strip().toUpperCase(Locale.ROOT);
    }

    static Position position(Node node, List<Row> rows, String country) {
        List<Share> shares = rows.stream()
                .sorted(Comparator.comparing((Row r) -> r.share() == null ? -1 : r.share()).reversed())
                .map(r -> new Share(r.provider(), r.providerName(), r.share())).toList();
        List<Row> counted = rows.stream().filter(r -> r.share() != null && !r.provider().equals(VARIOUS)).toList();
        Double hhi = counted.isEmpty() ? null : counted.stream().mapToDouble(r -> r.share() * r.share()).sum();
        Row leader = counted.stream().max(Comparator.comparingDouble(Row::share)).orElse(null);
        Optional<Row> own = rows.stream().filter(r -> r.provider().equals(country)).findFirst();
        boolean present = own.isPresent() && (own.get().share() == null || own.get().share() > 0);
        Double share = own.map(Row::share).orElse(null);
        Integer year = rows.stream().map(Row::year).filter(java.util.Objects::nonNull).max(Integer::compare)
                .orElse(null);
        String reference = String.format(Locale.ROOT, "ETO chip explorer %s %s: %s %s, leader %s %s, HHI %s",
                node.id(), node.name(), country, share == null ? (present ? "present" : "none") : share + " %",
                leader == null ? "-" : leader.provider(), leader == null ? "" : leader.share() + " %",
                hhi == null ? "-" : String.format(Locale.ROOT, "%.0f", hhi));
        return new Position(node.id(), node.name(), node.type(), node.stage(), year, shares, country, share, present,
                leader == null ? null : leader.provider(), leader == null ? null : leader.share(), hhi, reference);
    }
}
