package org.banso.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The seeded-property helper: repeatable cases, a failure that names its seed, shrinking to a small failing list. */
class SeededPropertyTest {

    @Test
    void theSameFixedSeedGivesTheSameCasesAndAnotherSeedOthers() {
        assertThat(SeededProperty.seeds(42, 5)).hasSize(5).doesNotHaveDuplicates()
                .isEqualTo(SeededProperty.seeds(42, 5));
        assertThat(SeededProperty.seeds(43, 5)).doesNotContainAnyElementsOf(SeededProperty.seeds(42, 5));
    }

    @Test
    void aFailingCaseIsReportedWithTheSeedThatReplaysIt() {
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> SeededProperty.check("even draws", 7, 50, random -> {
            long draw = random.nextLong();
            seen.add(draw);
            assertThat(draw % 2).isZero();
        })).isInstanceOf(AssertionError.class).hasMessageContaining("Property 'even draws' failed for seed")
                .hasMessageContaining("-Dbanso.seed=");
        long failingSeed = SeededProperty.seeds(7, 50).get(seen.size() - 1);
        assertThat(new java.util.SplittableRandom(failingSeed).nextLong()).isEqualTo(seen.get(seen.size() - 1));
    }

    @Test
    void shrinkingKeepsOnlyWhatTheFailureNeeds() {
        List<Integer> input = IntStream.range(0, 40).boxed().toList();
        // fails whenever both 7 and 31 are present, in order
        List<Integer> smallest = SeededProperty.shrink(input, list -> list.indexOf(7) >= 0
                && list.indexOf(31) > list.indexOf(7), 200);
        assertThat(smallest).containsExactly(7, 31);
    }

    @Test
    void shrinkingStopsAtItsBudget() {
        List<Integer> input = IntStream.range(0, 40).boxed().toList();
        int[] tries = {0};
        SeededProperty.shrink(input, list -> {
            tries[0]++;
            return list.contains(39);
        }, 5);
        assertThat(tries[0]).isBetween(1, 5);
    }
}
