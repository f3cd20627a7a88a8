package dev.pathway.circuits.linear;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * How well a scorer's values agree with the cross-encoder's logits on some pairs: Pearson r and
 * Spearman rho (average ranks for ties) with two-sided p-values from the t distribution with n - 2
 * degrees of freedom, RMSE and R² = 1 - SS_res / SS_tot (meaningful only for scorers that predict
 * logits; NaN where not computed). A correlation with a constant input is NaN.
 */
public record FitStats(int n, double pearson, double pearsonP, double spearman, double spearmanP, double rmse, double r2) {

    /** Correlations only (BM25: its scale is not the logit's). */
    public static FitStats correlations(double[] scores, double[] logits) {
        return of(scores, logits, false);
    }

    /** Correlations, RMSE and R² of predicted logits. */
    public static FitStats regression(double[] predicted, double[] logits) {
        return of(predicted, logits, true);
    }

    private static FitStats of(double[] s, double[] y, boolean errors) {
        int n = s.length;
        double p = Double.NaN;
        double sp = Double.NaN;
        if (n >= 3 && !constant(s) && !constant(y)) {
            p = new PearsonsCorrelation().correlation(s, y);
            sp = new SpearmansCorrelation().correlation(s, y);
        }
        double rmse = Double.NaN;
        double r2 = Double.NaN;
        if (errors && n > 0) {
            double mean = 0;
            for (double v : y) {
                mean += v;
            }
            mean /= n;
            double ssRes = 0;
            double ssTot = 0;
            for (int i = 0; i < n; i++) {
                ssRes += (y[i] - s[i]) * (y[i] - s[i]);
                ssTot += (y[i] - mean) * (y[i] - mean);
            }
            rmse = Math.sqrt(ssRes / n);
            r2 = ssTot > 0 ? 1 - ssRes / ssTot : Double.NaN;
        }
        return new FitStats(n, p, pValue(p, n), sp, pValue(sp, n), rmse, r2);
    }

    /** Two-sided p-value of a correlation r over n points (t test, n - 2 degrees of freedom). */
    public static double pValue(double r, int n) {
        if (Double.isNaN(r) || n < 3) {
            return Double.NaN;
        }
        if (Math.abs(r) >= 1) {
            return 0;
        }
        double t = Math.abs(r) * Math.sqrt((n - 2) / (1 - r * r));
        return 2 * (1 - new TDistribution(n - 2).cumulativeProbability(t));
    }

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }
}
