package org.banso.thinktank.internal;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Analytic Hierarchy Process (Saaty): weights are the principal right eigenvector of the reciprocal pairwise
 * comparison matrix, normalised to sum 1; consistency index {@code CI = (λmax − n) / (n − 1)}, consistency ratio
 * {@code CR = CI / RI(n)} with Saaty's random indices. The eigen decomposition is Apache Commons Math's.
 */
public final class Ahp {

    /** Saaty's random consistency indices for n = 1…10. */
    static final double[] RANDOM_INDEX = {0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49};
    public static final double MAX_CONSISTENCY_RATIO = 0.1;

    private Ahp() {
    }

    public record Result(double[] weights, double lambdaMax, double consistencyIndex, double consistencyRatio) {

        public boolean consistent() {
            return consistencyRatio <= MAX_CONSISTENCY_RATIO;
        }
    }

    /**
     * @throws IllegalArgumentException when the matrix is not square, not of size 2…10, not positive, or not
     *                                  reciprocal ({@code a_ji = 1 / a_ij} within 1 %)
     */
    public static Result weigh(double[][] matrix) {
        int n = matrix.length;
        if (n < 2 || n >= RANDOM_INDEX.length) {
            throw new IllegalArgumentException("AHP needs between 2 and 10 criteria");
        }
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("The comparison matrix must be square");
            }
            for (int j = 0; j < n; j++) {
                double a = matrix[i][j];
                if (!(a > 0) || !Double.isFinite(a)) {
                    throw new IllegalArgumentException("Comparisons must be positive numbers");
                }
                if (Math.abs(a * matrix[j][i] - 1) > 0.01) {
                    throw new IllegalArgumentException("The matrix must be reciprocal: a[%d][%d] = 1 / a[%d][%d]"
                            .formatted(j, i, i, j));
                }
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(matrix, true));
        double[] real = eigen.getRealEigenvalues();
        int principal = 0;
        for (int k = 1; k < real.length; k++) {
            if (real[k] > real[principal] && Math.abs(eigen.getImagEigenvalue(k)) < 1e-9) {
                principal = k;
            }
        }
        RealVector vector = eigen.getEigenvector(principal);
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.abs(vector.getEntry(k));
        }
        double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            weights[k] = Math.abs(vector.getEntry(k)) / sum;
        }
        double lambda = real[principal];
        double ci = (lambda - n) / (n - 1);
        double cr = n <= 2 ? 0 : ci / RANDOM_INDEX[n];
        return new Result(weights, lambda, Math.max(0, ci), Math.max(0, cr));
    }
}
