package dev.pathway.circuits.linear;

/**
 * Column z-scoring fitted on one matrix (the training split) and applied to others: (x - mean) /
 * sd with the population sd (ddof 0, as the reference's StandardScaler); a constant column gets sd
 * 1, so it becomes 0 instead of NaN.
 *
 * @param mean column means of the fitting matrix
 * @param sd column standard deviations (ddof 0), 1 where the column was constant
 * @param constant whether a column was constant in the fitting matrix
 */
public record ZScore(double[] mean, double[] sd, boolean[] constant) {

    /** Fits means and standard deviations to the rows of {@code x} (at least one row). */
    public static ZScore fit(double[][] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("z-scoring needs at least one row");
        }
        int p = x[0].length;
        double[] mean = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= x.length;
        }
        double[] var = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                double d = row[j] - mean[j];
                var[j] += d * d;
            }
        }
        double[] sd = new double[p];
        boolean[] constant = new boolean[p];
        for (int j = 0; j < p; j++) {
            double s = Math.sqrt(var[j] / x.length);
            // Relative test: a column of identical float sums can differ in the last bits.
            constant[j] = !(s > 1e-12 * Math.max(1, Math.abs(mean[j])));
            sd[j] = constant[j] ? 1 : s;
        }
        return new ZScore(mean, sd, constant);
    }

    /** The z-scored copy of {@code x}. */
    public double[][] apply(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = apply(x[i]);
        }
        return out;
    }

    public double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = constant[j] ? 0 : (row[j] - mean[j]) / sd[j];
        }
        return z;
    }
}
