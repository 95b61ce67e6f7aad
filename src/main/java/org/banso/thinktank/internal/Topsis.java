package org.banso.thinktank.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * TOPSIS (Hwang and Yoon, 1981): vector normalisation {@code r_ij = x_ij / sqrt(Σ_i x_ij²)}, weighting
 * {@code v_ij = w_j r_ij}, ideal {@code v+_j} (max for benefit, min for cost criteria) and anti-ideal {@code v-_j},
 * Euclidean distances {@code D+_i}, {@code D-_i} and closeness {@code C_i = D-_i / (D+_i + D-_i)}; rank 1 = the
 * largest closeness.
 *
 * <p>Explanation: criterion j's contribution to alternative i is
 * {@code ((v_ij − v-_j)² − (v_ij − v+_j)²) / Σ_k ((v_ik − v-_k)² + (v_ik − v+_k)²)}: positive when the criterion
 * places the alternative nearer the ideal than the anti-ideal, and the contributions add up to
 * {@code (D-² − D+²) / (D-² + D+²)}, which orders alternatives as closeness does.
 */
public final class Topsis {

    private Topsis() {
    }

    public record Result(double[] closeness, int[] rank, double[][] weighted, double[] ideal, double[] antiIdeal,
                         double[] distanceToIdeal, double[] distanceToAntiIdeal, double[][] contributions) {
    }

    public static Result rank(double[][] x, double[] weights, boolean[] benefit) {
        int m = x.length;
        int n = weights.length;
        if (m == 0) {
            throw new IllegalArgumentException("TOPSIS needs at least one alternative");
        }
        double[][] v = new double[m][n];
        double[] ideal = new double[n];
        double[] anti = new double[n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (double[] row : x) {
                norm += row[j] * row[j];
            }
            norm = Math.sqrt(norm);
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                v[i][j] = norm == 0 ? 0 : weights[j] * x[i][j] / norm;
                max = Math.max(max, v[i][j]);
                min = Math.min(min, v[i][j]);
            }
            ideal[j] = benefit[j] ? max : min;
            anti[j] = benefit[j] ? min : max;
        }
        double[] dPlus = new double[m];
        double[] dMinus = new double[m];
        double[] closeness = new double[m];
        double[][] contributions = new double[m][n];
        for (int i = 0; i < m; i++) {
            double plus = 0;
            double minus = 0;
            for (int j = 0; j < n; j++) {
                plus += sq(v[i][j] - ideal[j]);
                minus += sq(v[i][j] - anti[j]);
            }
            for (int j = 0; j < n; j++) {
                contributions[i][j] = plus + minus == 0 ? 0
                        : (sq(v[i][j] - anti[j]) - sq(v[i][j] - ideal[j])) / (plus + minus);
            }
            dPlus[i] = Math.sqrt(plus);
            dMinus[i] = Math.sqrt(minus);
            closeness[i] = dPlus[i] + dMinus[i] == 0 ? 0.5 : dMinus[i] / (dPlus[i] + dMinus[i]);
        }
        return new Result(closeness, ranks(closeness), v, ideal, anti, dPlus, dMinus, contributions);
    }

    /** Rank 1 = largest; ties share the better rank. */
    static int[] ranks(double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        int[] rank = new int[scores.length];
        for (int k = 0; k < order.length; k++) {
            rank[order[k]] = k > 0 && scores[order[k]] == scores[order[k - 1]] ? rank[order[k - 1]] : k + 1;
        }
        return rank;
    }

    /** One weight moved by a factor, the others rescaled so that the weights still sum to 1. */
    public static double[] moved(double[] weights, int criterion, double factor) {
        double[] w = weights.clone();
        double moved = Math.min(1, w[criterion] * factor);
        double rest = 1 - w[criterion];
        for (int j = 0; j < w.length; j++) {
            w[j] = j == criterion ? moved : rest == 0 ? 0 : w[j] * (1 - moved) / rest;
        }
        return w;
    }

    public record RankChange(int alternative, int from, int to) {
    }

    /** Which ranks change when the criterion's weight moves by the factor (e.g. 0.9, 1.1). */
    public static List<RankChange> sensitivity(double[][] x, double[] weights, boolean[] benefit, int criterion,
                                               double factor) {
        int[] before = rank(x, weights, benefit).rank();
        int[] after = rank(x, moved(weights, criterion, factor), benefit).rank();
        List<RankChange> changes = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                changes.add(new RankChange(i, before[i], after[i]));
            }
        }
        return changes;
    }

    private static double sq(double d) {
        return d * d;
    }
}
