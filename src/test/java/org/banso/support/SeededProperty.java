package org.banso.support;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Property tests as plain JUnit, without a property-testing library: a property is checked over cases generated from
 * seeds. Each case has its own seed, drawn from the property's fixed seed, so every run checks the same cases; a
 * failing case is reported with its seed and the command that replays exactly that case.
 *
 * <ul>
 *   <li>{@code -Dbanso.seed=<seed>} runs only the case of that seed (together with {@code -Dtest=Class#method});</li>
 *   <li>{@code -Dbanso.cases=<n>} runs n cases instead of the property's default, to search further.</li>
 * </ul>
 */
public final class SeededProperty {

    /** The system property that replays one case. */
    public static final String SEED = "banso.seed";
    /** The system property that changes how many cases run. */
    public static final String CASES = "banso.cases";

    private SeededProperty() {
    }

    /** One case of a property: generates its input from {@code random} and checks it (assertions throw). */
    @FunctionalInterface
    public interface Case {
        void check(SplittableRandom random) throws Exception;
    }

    /**
     * Runs {@code cases} cases (or {@code -Dbanso.cases}), each on a {@link SplittableRandom} of its own seed; with
     * {@code -Dbanso.seed} only that seed's case. A failure is rethrown naming the property, the case and its seed.
     */
    public static void check(String property, long fixedSeed, int cases, Case body) {
        for (long seed : seeds(fixedSeed, cases)) {
            try {
                body.check(new SplittableRandom(seed));
            } catch (Throwable failure) {
                throw failed(property, seed, failure);
            }
        }
    }

    /** The seeds of the cases to run: the replayed one alone, or {@code cases} drawn from the fixed seed. */
    public static List<Long> seeds(long fixedSeed, int cases) {
        Long replay = Long.getLong(SEED);
        if (replay != null) {
            return List.of(replay);
        }
        int count = Integer.getInteger(CASES, cases);
        SplittableRandom seeds = new SplittableRandom(fixedSeed);
        List<Long> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(seeds.nextLong());
        }
        return list;
    }

    /**
     * The failure of a case as an {@link AssertionError} that says how to replay it; also printed at once, so the seed
     * is in the test's output even when a report cuts the message.
     */
    public static AssertionError failed(String property, long seed, Throwable failure) {
        String replay = "-D" + SEED + "=" + seed;
        System.err.println("Property '" + property + "' failed for seed " + seed + "; replay with " + replay);
        return new AssertionError("Property '" + property + "' failed for seed " + seed
                + " (replay: ./mvnw test -Dtest=<class>#<method> " + replay + "): " + failure.getMessage(), failure);
    }

    /**
     * A smaller list that still fails, found by removing chunks and then single elements while the failure stays
     * (delta debugging, at most {@code budget} tries of {@code fails}); the input itself when nothing smaller fails.
     */
    public static <T> List<T> shrink(List<T> failing, Predicate<List<T>> fails, int budget) {
        List<T> smallest = List.copyOf(failing);
        int tries = 0;
        int chunk = Math.max(1, smallest.size() / 2);
        while (tries < budget && !smallest.isEmpty()) {
            boolean removed = false;
            for (int from = 0; from < smallest.size() && tries < budget; ) {
                List<T> candidate = new ArrayList<>(smallest.subList(0, from));
                candidate.addAll(smallest.subList(Math.min(smallest.size(), from + chunk), smallest.size()));
                tries++;
                if (!candidate.isEmpty() && fails.test(candidate)) {
                    smallest = List.copyOf(candidate);
                    removed = true;
                } else {
                    from += chunk;
                }
            }
            if (!removed) {
                if (chunk == 1) {
                    break;
                }
                chunk = Math.max(1, chunk / 2);
            }
        }
        return smallest;
    }
}
