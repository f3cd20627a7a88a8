package dev.pathway.eval.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * One metric of one condition across seeds: mean, sample standard deviation (n - 1), the
 * per-seed values, and a 95% confidence interval of the mean from Student's t with n - 1 degrees
 * of freedom. With one seed the standard deviation and interval are undefined (NaN).
 *
 * @param values per-seed values, in seed order
 * @param mean arithmetic mean
 * @param sd sample standard deviation
 * @param ciLow lower end of the 95% interval
 * @param ciHigh upper end of the 95% interval
 */
public record SeedSummary(double[] values, double mean, double sd, double ciLow, double ciHigh) {

    public static SeedSummary of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int n = values.length;
        double mean = Arrays.stream(values).sum() / n;
        if (n == 1) {
            return new SeedSummary(values.clone(), mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new SeedSummary(values.clone(), mean, sd, mean - half, mean + half);
    }

    public int n() {
        return values.length;
    }
}
