package org.banso.thinktank.internal;

import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * R19 performance target: every specialization index of the built-in dataset — 15 publication fields × 216 rows × 19
 * years + 35 patent fields × 53 rows × 21 years = 100 515 indices — including parsing the 52 CSV tables from the
 * classpath, in at most one second.
 *
 * <ul>
 * <li>{@code parseAndComputeAll}: parse every table (as on first use after start) and compute every SI;</li>
 * <li>{@code computeAll}: the SIs alone on a parsed dataset (what every later request costs);</li>
 * <li>{@code coldStart}: one single shot in a fresh JVM, the honest first-request figure.</li>
 * </ul>
 */
@Fork(1)
@State(Scope.Benchmark)
public class SpecializationBenchmark {

    private IndicatorDataset parsed;

    private static InputStream open(String path) {
        return SpecializationBenchmark.class.getClassLoader().getResourceAsStream("datasets/ncses-sei-2020/" + path);
    }

    @Setup
    public void parse() {
        parsed = IndicatorDataset.ncses("ncses-sei-2020", SpecializationBenchmark::open);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public double[] parseAndComputeAll() {
        return IndicatorDataset.ncses("ncses-sei-2020", SpecializationBenchmark::open).allSpecializations(false);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public double[] computeAll() {
        return parsed.allSpecializations(false);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public double[] coldStart() {
        return IndicatorDataset.ncses("ncses-sei-2020", SpecializationBenchmark::open).allSpecializations(false);
    }
}
