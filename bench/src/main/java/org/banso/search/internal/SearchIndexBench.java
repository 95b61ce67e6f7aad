package org.banso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.banso.council.CouncilId;
import org.banso.information.DesignationId;
import org.banso.information.InformationSearchSupport.Visibility;
import org.banso.search.SearchKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index at scale, without Spring or a database (JUnit, not JMH): a generated corpus of items (Japanese
 * sentences of the seed document plus English words) across 1,000 councils is written through {@link IndexDocument}
 * and the {@link EncryptedDirectory} onto disk; then the same text queries run with and without a person's visibility
 * filter (facets counted in both). Run:
 *
 * <pre>
 * ./mvnw -q -B test -Dtest=SearchIndexBench -Dsurefire.failIfNoSpecifiedTests=false -DargLine="-Dbench.docs=1000000"
 * </pre>
 *
 * Figures are printed and written to {@code target/search-bench.txt}.
 */
class SearchIndexBench {

    static final int DOCS = Integer.getInteger("bench.docs", 200_000);
    static final int THREADS = Integer.getInteger("bench.threads", 2);
    static final int COUNCILS = 1_000;
    static final int DESIGNATIONS = 5_000;
    static final int QUERIES = Integer.getInteger("bench.queries", 400);

    static final String[] ENGLISH = ("research development critical technology council information security "
            + "quantum sensor semiconductor artificial intelligence supply chain confidentiality support program "
            + "think tank funding analysis report assessment designation proposal meeting minutes vulnerability "
            + "incident government ministry university startup innovation satellite battery materials robotics")
            .split(" ");

    @TempDir
    Path dir;

    @Test
    void indexingAndQueryingAtScale() throws Exception {
        List<String> sentences = sentences();
        byte[] key = new byte[32];
        new SplittableRandom(1).nextBytes(key);
        List<CouncilId> councils = new ArrayList<>();
        for (int i = 0; i < COUNCILS; i++) {
            councils.add(new CouncilId(new UUID(0xC0, i)));
        }
        List<DesignationId> designations = new ArrayList<>();
        for (int i = 0; i < DESIGNATIONS; i++) {
            designations.add(new DesignationId(new UUID(0xD0, i)));
        }
        StringBuilder report = new StringBuilder();
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report.append(String.format("machine: %d cores, load average %.2f at start%n",
                Runtime.getRuntime().availableProcessors(), load));

        long start = System.nanoTime();
        try (SearchEngine engine = new SearchEngine(new EncryptedDirectory(FSDirectory.open(dir), key), 256)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(1000 + thread);
                    for (int i = thread; i < DOCS; i += THREADS) {
                        engine.add(item(i, random, sentences, councils, designations));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            engine.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            long bytes;
            try (Stream<Path> files = Files.list(dir)) {
                bytes = files.mapToLong(p -> p.toFile().length()).sum();
            }
            report.append(String.format("indexed %,d items (%d threads, encrypted directory) in %.1f s = %,.0f items/s;"
                    + " index %,d MB on disk%n", DOCS, THREADS, seconds, DOCS / seconds, bytes >> 20));

            SplittableRandom random = new SplittableRandom(77);
            List<String> queries = new ArrayList<>();
            String[] japanese = {"研究開発", "伴走支援", "シンクタンク", "守秘義務", "技術", "情報", "協議会", "重要技術",
                    "安全保障", "支援", "経済", "成果"};
            for (int i = 0; i < QUERIES; i++) {
                queries.add(random.nextBoolean() ? japanese[random.nextInt(japanese.length)]
                        : ENGLISH[random.nextInt(ENGLISH.length)] + (random.nextBoolean() ? ""
                        : " " + ENGLISH[random.nextInt(ENGLISH.length)]));
            }
            // one instant: which designations are in force or ended is the same for everybody; each query is
            // another person with their own readable councils and hiding designations
            Set<DesignationId> active = some(random, designations, 200);
            Set<DesignationId> releasedPublic = new HashSet<>();
            Set<DesignationId> releasedCouncil = new HashSet<>();
            while (releasedPublic.size() < 500) {
                DesignationId d = designations.get(random.nextInt(designations.size()));
                if (!active.contains(d)) {
                    releasedPublic.add(d);
                }
            }
            while (releasedCouncil.size() < 100) {
                DesignationId d = designations.get(random.nextInt(designations.size()));
                if (!active.contains(d) && !releasedPublic.contains(d)) {
                    releasedCouncil.add(d);
                }
            }
            List<Query> filters = new ArrayList<>();
            List<SearchEngine.Markings> markings = new ArrayList<>();
            for (int i = 0; i < QUERIES; i++) {
                Visibility person = visibility(random, councils, active, releasedPublic, releasedCouncil);
                filters.add(new VisibilityFilter(person, Set.of(), true).toQuery());
                markings.add(new SearchEngine.Markings(VisibilityFilter.controlledNow(person),
                        VisibilityFilter.publicNow(person)));
            }
            // warm-up, then interleaved measurement so load changes hit both alike
            for (int i = 0; i < Math.min(200, QUERIES); i++) {
                Query text = engine.textQuery(queries.get(i));
                engine.search(text, 0, 20, true, markings.get(i));
                engine.search(SearchEngine.filtered(text, filters.get(i)), 0, 20, true, markings.get(i));
            }
            long[] plain = new long[QUERIES];
            long[] filtered = new long[QUERIES];
            long visibleTotal = 0;
            long allTotal = 0;
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < QUERIES; i++) {
                    Query text = engine.textQuery(queries.get(i));
                    long t0 = System.nanoTime();
                    SearchEngine.Page all = engine.search(text, 0, 20, true, markings.get(i));
                    long t1 = System.nanoTime();
                    SearchEngine.Page visible = engine.search(SearchEngine.filtered(text, filters.get(i)), 0, 20, true,
                            markings.get(i));
                    long t2 = System.nanoTime();
                    if (round == 1) {
                        plain[i] = t1 - t0;
                        filtered[i] = t2 - t1;
                        allTotal += all.total();
                        visibleTotal += visible.total();
                    }
                }
            }
            report.append(String.format("queries (top 20 + exact total + facets incl. marking): unfiltered p50 %.1f ms p95 %.1f ms;"
                            + " filtered p50 %.1f ms p95 %.1f ms; filter overhead on p95 %+.1f %%;"
                            + " mean hits per query %,d unfiltered, %,d visible%n",
                    pct(plain, 50), pct(plain, 95), pct(filtered, 50), pct(filtered, 95),
                    (pct(filtered, 95) / pct(plain, 95) - 1) * 100, allTotal / QUERIES, visibleTotal / QUERIES));
            long[] plainTop = new long[QUERIES];
            long[] filteredTop = new long[QUERIES];
            for (int i = 0; i < QUERIES; i++) {
                Query text = engine.textQuery(queries.get(i));
                long t0 = System.nanoTime();
                engine.search(text, 0, 20, false);
                long t1 = System.nanoTime();
                engine.search(SearchEngine.filtered(text, filters.get(i)), 0, 20, false);
                long t2 = System.nanoTime();
                plainTop[i] = t1 - t0;
                filteredTop[i] = t2 - t1;
            }
            report.append(String.format("queries (top 20 + exact total, no facets): unfiltered p50 %.1f ms p95 %.1f ms;"
                            + " filtered p50 %.1f ms p95 %.1f ms; filter overhead on p95 %+.1f %%%n",
                    pct(plainTop, 50), pct(plainTop, 95), pct(filteredTop, 50), pct(filteredTop, 95),
                    (pct(filteredTop, 95) / pct(plainTop, 95) - 1) * 100));
        }
        report.append(String.format("load average %.2f at the end%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.print(report);
        Files.writeString(Path.of("target", "search-bench.txt"), report, StandardCharsets.UTF_8);
        assertThat(report).isNotEmpty();
    }

    /** A person in 5 councils, with a few designations in each set (as a typical participant). */
    private static Visibility visibility(SplittableRandom random, List<CouncilId> councils, Set<DesignationId> active,
                                         Set<DesignationId> releasedPublic, Set<DesignationId> releasedCouncil) {
        Set<CouncilId> readable = new HashSet<>();
        while (readable.size() < 5) {
            readable.add(councils.get(random.nextInt(councils.size())));
        }
        return new Visibility(readable, some(random, List.copyOf(active), 20), active, releasedPublic,
                releasedCouncil);
    }

    private static Set<DesignationId> some(SplittableRandom random, List<DesignationId> from, int n) {
        Set<DesignationId> out = new HashSet<>();
        while (out.size() < n) {
            out.add(from.get(random.nextInt(from.size())));
        }
        return out;
    }

    private static IndexDocument item(int i, SplittableRandom random, List<String> sentences, List<CouncilId> councils,
                                      List<DesignationId> designations) {
        String title = sentences.get(random.nextInt(sentences.size()));
        if (title.length() > 30) {
            title = title.substring(0, 30);
        }
        StringBuilder text = new StringBuilder(sentences.get(random.nextInt(sentences.size())));
        for (int w = 0; w < 8; w++) {
            text.append(' ').append(ENGLISH[random.nextInt(ENGLISH.length)]);
        }
        Set<String> covering = random.nextInt(10) == 0
                ? Set.of(designations.get(random.nextInt(designations.size())).toString()) : Set.of();
        return new IndexDocument(SearchKind.ITEM, new UUID(0x17, i).toString(), title, text.toString(),
                councils.get(random.nextInt(councils.size())).toString(), "REPORT", covering,
                random.nextInt(5) == 0, false);
    }

    private static List<String> sentences() throws IOException {
        String seed = new String(SearchIndexBench.class.getResourceAsStream("/search/seed.txt").readAllBytes(),
                StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String s : seed.split("[。\\n]")) {
            if (s.strip().length() > 8) {
                out.add(s.strip() + "。");
            }
        }
        return out;
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
