package org.banso.thinktank.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.banso.shared.BansoException;
import org.banso.thinktank.Indicators;
import org.banso.thinktank.internal.CountTables.Table;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Parses the built-in dataset from the classpath on first use and keeps it in memory (about 0.3 s; every indicator
 * after that is arithmetic on arrays).
 */
@Service
class IndicatorService implements Indicators {

    private volatile IndicatorDataset builtIn;

    IndicatorDataset dataset(String name) {
        if (!BUILT_IN.equals(name)) {
            throw BansoException.notFound("The dataset");
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

    @Override
    public List<String> datasets() {
        return List.of(BUILT_IN);
    }

    @Override
    public List<Field> fields(String dataset) {
        return dataset(dataset).fields();
    }

    @Override
    public List<String> rows(String dataset) {
        return dataset(dataset).rows(Kind.PUBLICATIONS).stream().map(CountTables::rowName).toList();
    }

    @Override
    public Optional<Indicator> indicator(String dataset, String country, String field, int year,
                                         boolean includeUnclassified) {
        if (!BUILT_IN.equals(dataset)) {
            return Optional.empty();
        }
        IndicatorDataset d = dataset(dataset);
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
