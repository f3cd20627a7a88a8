package dev.pathway.circuits.linear;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Ordinary least squares with an intercept on z-scored features (z-scoring fitted on the training
 * rows only). Columns that are constant in the training rows carry no information and are left
 * out of the design (their coefficient is 0), which is what z-scoring with sd := 1 makes of them.
 *
 * <p>Fitting uses Commons Math's {@link OLSMultipleLinearRegression} (QR). When the design is
 * still rank deficient (fewer distinct training rows than features, or collinear features), QR
 * fails; then the minimum-norm least-squares solution is taken from the SVD pseudo-inverse, the
 * solution scikit-learn's {@code LinearRegression} (lstsq) returns, and {@link #minimumNorm()} says so.
 *
 * @param scaler the z-scoring fitted on the training rows
 * @param intercept the intercept (on z-scored features)
 * @param coefficients one per feature, on z-scored features; 0 for constant columns
 * @param minimumNorm whether the rank-deficient fallback was used
 */
public record OlsModel(ZScore scaler, double intercept, double[] coefficients, boolean minimumNorm) {

    /** Fits y ~ 1 + z(x). Needs at least 2 rows. */
    public static OlsModel fit(double[][] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " rows but y " + y.length);
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("OLS needs at least 2 rows");
        }
        ZScore scaler = ZScore.fit(x);
        int p = x[0].length;
        int[] kept = java.util.stream.IntStream.range(0, p).filter(j -> !scaler.constant()[j]).toArray();
        double[][] design = new double[x.length][kept.length];
        for (int i = 0; i < x.length; i++) {
            double[] z = scaler.apply(x[i]);
            for (int k = 0; k < kept.length; k++) {
                design[i][k] = z[kept[k]];
            }
        }
        double[] beta;
        boolean minNorm = false;
        if (kept.length == 0) {
            beta = new double[] {mean(y)};
        } else {
            try {
                if (x.length <= kept.length + 1) {
                    throw new SingularMatrixException();
                }
                OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(1e-10);
                ols.newSampleData(y, design);
                beta = ols.estimateRegressionParameters();
            } catch (SingularMatrixException e) {
                beta = minimumNormSolution(design, y);
                minNorm = true;
            }
        }
        double[] coef = new double[p];
        for (int k = 0; k < kept.length; k++) {
            coef[kept[k]] = beta[k + 1];
        }
        return new OlsModel(scaler, beta[0], coef, minNorm);
    }

    /** The prediction for one row of raw (not z-scored) features. */
    public double predict(double[] row) {
        double[] z = scaler.apply(row);
        double s = intercept;
        for (int j = 0; j < z.length; j++) {
            s += coefficients[j] * z[j];
        }
        return s;
    }

    public double[] predict(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = predict(rows[i]);
        }
        return out;
    }

    /**
     * The coefficients on the raw feature scale: y = interceptRaw + sum_j raw[j] x_j (exact
     * algebra of the z-scoring; constant columns get 0).
     */
    public double[] rawCoefficients() {
        double[] raw = new double[coefficients.length];
        for (int j = 0; j < raw.length; j++) {
            raw[j] = scaler.constant()[j] ? 0 : coefficients[j] / scaler.sd()[j];
        }
        return raw;
    }

    public double rawIntercept() {
        double b = intercept;
        double[] raw = rawCoefficients();
        for (int j = 0; j < raw.length; j++) {
            b -= raw[j] * scaler.mean()[j];
        }
        return b;
    }

    private static double[] minimumNormSolution(double[][] design, double[] y) {
        int n = design.length;
        int p = design[0].length;
        double[][] a = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            a[i][0] = 1;
            System.arraycopy(design[i], 0, a[i], 1, p);
        }
        RealMatrix m = new Array2DRowRealMatrix(a, false);
        return new SingularValueDecomposition(m).getSolver().solve(new ArrayRealVector(y, false)).toArray();
    }

    private static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }
}
