package dev.pathway.circuits.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Against SciPy 1.x (scipy.stats.pearsonr / spearmanr) on the same numbers, and hand-computed errors. */
class FitStatsTest {
    @Test
    void correlationsAndPValuesMatchScipy() {
        double[] x = {0.3, 1.2, -0.5, 2.2, 0.9, 1.1, -1.0, 0.4};
        double[] y = {1.0, 2.5, 0.1, 2.0, 1.9, 0.7, -0.2, 1.5};
        FitStats f = FitStats.correlations(x, y);
        assertEquals(0.8099475051036155, f.pearson(), 1e-12);
        assertEquals(0.014808478638036169, f.pearsonP(), 1e-9);
        assertTrue(Double.isNaN(f.rmse()), "no RMSE for a scorer on another scale");
        // ties: average ranks, as scipy
        FitStats t = FitStats.correlations(new double[] {1, 2, 2, 3, 5}, new double[] {3, 1, 4, 4, 9});
        assertEquals(0.7631578947368421, t.spearman(), 1e-12);
        assertEquals(0.13333911953180624, t.spearmanP(), 1e-9);
    }

    @Test
    void rmseAndR2ByHand() {
        double[] y = {1, 2, 3, 4};
        double[] p = {1.5, 2, 2.5, 4};
        FitStats f = FitStats.regression(p, y);
        // residuals 0.5, 0, -0.5, 0 -> SS_res 0.5; SS_tot 5
        assertEquals(Math.sqrt(0.5 / 4), f.rmse(), 1e-12);
        assertEquals(1 - 0.5 / 5, f.r2(), 1e-12);
        assertTrue(Double.isNaN(FitStats.correlations(new double[] {1, 1, 1}, new double[] {1, 2, 3}).pearson()), "constant input");
    }
}
