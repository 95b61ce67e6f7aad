package org.banso.thinktank.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.thinktank.Indicators;
import org.banso.thinktank.internal.CountTables.Table;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parses the built-in dataset from the classpath on first use and keeps it in memory (about 0.3 s; every indicator
 * after that is arithmetic on arrays).
 */
@Service
class IndicatorService implements Indicators {

    private volatile IndicatorDataset builtIn;
    private final Map<String, IndicatorDataset> imported = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;

    IndicatorService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    IndicatorDataset dataset(String name) {
        if (!BUILT_IN.equals(name)) {
            IndicatorDataset d = name == null ? null : imported.get(name);
            if (d == null && name != null) {
                List<Table> tables = jdbc.sql("""
                        select title, content from thinktank_dataset_table where dataset_name = ? order by position""")
                        .param(name).query((rs, i) -> parse(rs.getString("title"), rs.getBytes("content"))).list();
                if (!tables.isEmpty()) {
                    d = IndicatorDataset.of(name, tables);
                    imported.put(name, d);
                }
            }
            if (d == null) {
                throw BansoException.notFound("The dataset");
            }
            return d;
        }
        IndicatorDataset d = builtIn;
        if (d == null) {
            synchronized (this) {
                if (builtIn == null) {
                    builtIn = IndicatorDataset.ncses(BUILT_IN, IndicatorService::open);
                }
                d = builtIn;
            }
        }
        return d;
    }

    private static InputStream open(String path) {
        try {
            return new ClassPathResource("datasets/" + BUILT_IN + "/" + path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table parse(String title, byte[] csv) {
        try {
            return CountTables.parse(title, new java.io.ByteArrayInputStream(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> datasets() {
        List<String> names = new ArrayList<>(List.of(BUILT_IN));
        names.addAll(jdbc.sql("select name from thinktank_dataset order by name").query(String.class).list());
        return names;
    }

    @Override
    @Transactional
    public List<Field> importDataset(String name, List<Upload> files, BansoUser actor) {
        if (actor == null || !(actor.hasRole(Role.ANALYST) || actor.hasRole(Role.PROGRAM_OFFICER))) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only analysts and program officers import datasets.");
        }
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{2,59}")) {
            throw BansoException.invalid("name", "must be 3 to 60 lower-case letters, digits and hyphens");
        }
        if (name.equals(BUILT_IN) || jdbc.sql("select count(*) from thinktank_dataset where name = ?").param(name)
                .query(Long.class).single() > 0) {
            throw new BansoException(ProblemCode.CONFLICT, "A dataset of this name exists.");
        }
        Map<String, byte[]> csvs = new java.util.LinkedHashMap<>();
        Map<String, byte[]> readmes = new java.util.HashMap<>();
        for (Upload u : files == null ? List.<Upload>of() : files) {
            String f = u.filename() == null ? "" : u.filename();
            if (f.endsWith(".README.md")) {
                readmes.put(f.substring(0, f.length() - ".README.md".length()), u.content());
            } else if (f.endsWith(".csv")) {
                csvs.put(f.substring(0, f.length() - ".csv".length()), u.content());
            } else {
                throw BansoException.invalid("files", "must be .csv tables with their .README.md: " + f);
            }
        }
        List<String> titles = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> e : csvs.entrySet()) {
                byte[] readme = readmes.get(e.getKey());
                if (readme == null) {
                    throw BansoException.invalid("files", e.getKey() + ".csv has no " + e.getKey() + ".README.md");
                }
                String title = CountTables.titleOf(new java.io.ByteArrayInputStream(readme));
                titles.add(title);
                tables.add(CountTables.parse(title, new java.io.ByteArrayInputStream(e.getValue())));
            }
            IndicatorDataset dataset = IndicatorDataset.of(name, tables);
            jdbc.sql("insert into thinktank_dataset (name, created_at, created_by) values (?, ?, ?)")
                    .params(name, Timestamp.from(clock.instant()), actor.id().value()).update();
            int position = 0;
            for (Map.Entry<String, byte[]> e : csvs.entrySet()) {
                jdbc.sql("""
                        insert into thinktank_dataset_table (dataset_name, position, title, content)
                        values (?, ?, ?, ?)""").params(name, position, titles.get(position), e.getValue()).update();
                position++;
            }
            imported.put(name, dataset);
            return dataset.fields();
        } catch (BansoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BansoException.invalid("files", "must be count tables of the NCSES layout: " + e.getMessage());
        }
    }

    @Override
    public List<Field> fields(String dataset) {
        return dataset(dataset).fields();
    }

    @Override
    public List<String> rows(String dataset) {
        IndicatorDataset d = dataset(dataset);
        return d.rows(d.kinds().iterator().next()).stream().map(CountTables::rowName).toList();
    }

    @Override
    public Optional<Indicator> indicator(String dataset, String country, String field, int year,
                                         boolean includeUnclassified) {
        IndicatorDataset d;
        try {
            d = dataset(dataset);
        } catch (BansoException e) {
            return Optional.empty();
        }
        Table table = field == null ? null : d.field(field);
        if (table == null || year < table.firstYear() || year > table.lastYear()) {
            return Optional.empty();
        }
        String path = d.path(table.kind(), country);
        if (path == null) {
            return Optional.empty();
        }
        return Optional.of(indicator(d, table, path, year, includeUnclassified));
    }

    private static Indicator indicator(IndicatorDataset d, Table table, String path, int year, boolean unclassified) {
        int rank = d.rank(table, path, year);
        return new Indicator(d.name(), CountTables.rowName(path), path, d.isCountry(table.kind(), path),
                table.field(), table.kind(), year, orNull(table.value(path, year)),
                orNull(d.total(table.kind(), path, year, unclassified)),
                orNull(d.specialization(table, path, year, unclassified)), orNull(d.worldShare(table, path, year)),
                rank == 0 ? null : rank);
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    @Override
    public Specialization specialization(String dataset, String country, String field, int year) {
        Indicator i = indicator(dataset, country, field, year, false)
                .orElseThrow(() -> BansoException.notFound("The dataset, country, field or year"));
        return new Specialization(dataset, country, field, year, i.specialization());
    }

    @Override
    public Optional<Double> growth(String dataset, String country, String field, int fromYear, int toYear) {
        IndicatorDataset d = dataset(dataset);
        Table table = d.field(field);
        if (table == null || fromYear >= toYear || fromYear < table.firstYear() || toYear > table.lastYear()) {
            return Optional.empty();
        }
        String path = d.path(table.kind(), country);
        if (path == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(orNull(d.growth(table, path, fromYear, toYear)));
    }

    @Override
    public List<Indicator> matrix(String dataset) {
        IndicatorDataset d = dataset(dataset);
        List<Indicator> out = new ArrayList<>();
        for (Field f : d.fields()) {
            Table t = d.field(f.key());
            for (String path : t.paths()) {
                for (int year = t.firstYear(); year <= t.lastYear(); year++) {
                    out.add(indicator(d, t, path, year, false));
                }
            }
        }
        return out;
    }
}
