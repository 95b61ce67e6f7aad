package org.banso.thinktank.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** R19: AHP weights and consistency, TOPSIS ranking, explanation and sensitivity. */
class AhpTopsisTest {

    @Test
    void ahpOnSaatysTextbookMatrixGivesTheKnownWeightsAndConsistencyRatio() { // R19
        // Saaty's classic 3×3 example: weights 0.637 / 0.258 / 0.105, λmax 3.039, CR 0.033
        Ahp.Result r = Ahp.weigh(new double[][]{{1, 3, 5}, {1 / 3.0, 1, 3}, {1 / 5.0, 1 / 3.0, 1}});
        assertThat(r.weights()[0]).isCloseTo(0.637, within(0.0005));
        assertThat(r.weights()[1]).isCloseTo(0.258, within(0.0005));
        assertThat(r.weights()[2]).isCloseTo(0.105, within(0.0005));
        assertThat(r.lambdaMax()).isCloseTo(3.0385, within(0.0001));
        assertThat(r.consistencyRatio()).isCloseTo(0.033, within(0.0005));
        assertThat(r.consistent()).isTrue();
    }

    @Test
    void aPerfectlyConsistentMatrixHasLambdaNAndZeroRatio() { // R19
        // built from weights 0.4, 0.3, 0.2, 0.1: a_ij = w_i / w_j
        double[] w = {0.4, 0.3, 0.2, 0.1};
        double[][] m = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                m[i][j] = w[i] / w[j];
            }
        }
        Ahp.Result r = Ahp.weigh(m);
        for (int i = 0; i < 4; i++) {
            assertThat(r.weights()[i]).isCloseTo(w[i], within(1e-9));
        }
        assertThat(r.consistencyRatio()).isCloseTo(0, within(1e-9));
    }

    @Test
    void anInconsistentMatrixHasARatioAboveOneTenth() { // R19: A ≻ B ≻ C ≻ A
        Ahp.Result r = Ahp.weigh(new double[][]{{1, 9, 1 / 9.0}, {1 / 9.0, 1, 9}, {9, 1 / 9.0, 1}});
        assertThat(r.consistencyRatio()).isGreaterThan(0.1);
        assertThat(r.consistent()).isFalse();
    }

    @Test
    void aNonReciprocalMatrixIsRejected() { // R19
        assertThatThrownBy(() -> Ahp.weigh(new double[][]{{1, 3}, {3, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reciprocal");
    }

    @Test
    void topsisReproducesHwangAndYoonsFighterAircraftExample() { // R19: published worked example
        // Hwang & Yoon (1981): speed, range, payload, cost (cost criterion), reliability, manoeuvrability
        double[][] x = {{2.0, 1500, 20000, 5.5, 5, 9}, {2.5, 2700, 18000, 6.5, 3, 5},
                {1.8, 2000, 21000, 4.5, 7, 7}, {2.2, 1800, 20000, 5.0, 5, 5}};
        double[] w = {0.2, 0.1, 0.1, 0.1, 0.2, 0.3};
        boolean[] benefit = {true, true, true, false, true, true};
        Topsis.Result r = Topsis.rank(x, w, benefit);
        assertThat(r.closeness()[0]).isCloseTo(0.643, within(0.0005));
        assertThat(r.closeness()[1]).isCloseTo(0.268, within(0.0005));
        assertThat(r.closeness()[2]).isCloseTo(0.614, within(0.0005));
        assertThat(r.closeness()[3]).isCloseTo(0.312, within(0.0005));
        assertThat(r.rank()).containsExactly(1, 4, 2, 3);
    }

    @Test
    void contributionsAddUpToAQuantityThatOrdersAlternativesLikeCloseness() { // R19: explained ranks
        SplittableRandom random = new SplittableRandom(20261125L);
        for (int run = 0; run < 500; run++) {
            int m = 2 + random.nextInt(6);
            int n = 2 + random.nextInt(4);
            double[][] x = new double[m][n];
            double[] w = new double[n];
            boolean[] benefit = new boolean[n];
            double sum = 0;
            for (int j = 0; j < n; j++) {
                w[j] = 0.05 + random.nextDouble();
                sum += w[j];
                benefit[j] = random.nextBoolean();
                for (int i = 0; i < m; i++) {
                    x[i][j] = 1 + random.nextInt(9);
                }
            }
            for (int j = 0; j < n; j++) {
                w[j] /= sum;
            }
            Topsis.Result r = Topsis.rank(x, w, benefit);
            for (int i = 0; i < m; i++) {
                double total = 0;
                for (double c : r.contributions()[i]) {
                    total += c;
                }
                double p = r.distanceToIdeal()[i] * r.distanceToIdeal()[i];
                double q = r.distanceToAntiIdeal()[i] * r.distanceToAntiIdeal()[i];
                double expected = p + q == 0 ? 0 : (q - p) / (q + p);
                assertThat(total).as("run %d alternative %d", run, i).isCloseTo(expected, within(1e-9));
                assertThat(r.closeness()[i]).as("run %d", run).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void movingAWeightKeepsTheSumAtOneAndReportsTheRanksThatChange() { // R19: sensitivity
        double[] moved = Topsis.moved(new double[]{0.5, 0.3, 0.2}, 0, 1.1);
        assertThat(moved[0]).isCloseTo(0.55, within(1e-12));
        assertThat(moved[0] + moved[1] + moved[2]).isCloseTo(1, within(1e-12));
        assertThat(moved[1] / moved[2]).isCloseTo(1.5, within(1e-12));
        // two alternatives nearly tied: one strong on criterion 0, the other on criterion 1
        double[][] x = {{10, 1}, {1, 10.5}};
        double[] w = {0.51, 0.49};
        boolean[] benefit = {true, true};
        assertThat(Topsis.rank(x, w, benefit).rank()).containsExactly(1, 2);
        assertThat(Topsis.sensitivity(x, w, benefit, 0, 0.9)).extracting(Topsis.RankChange::alternative)
                .containsExactlyInAnyOrder(0, 1);
        assertThat(Topsis.sensitivity(x, w, benefit, 0, 1.1)).isEmpty();
    }
}
