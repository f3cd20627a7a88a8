package dev.pathway.eval.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction of m p-values (Holm 1979): sort ascending, multiply the i-th
 * smallest (0-based) by (m - i), carry the running maximum so the adjusted values keep their
 * order, cap at 1. Controls the family-wise error rate; rejects H0_i when adjusted p_i <= alpha.
 */
public final class HolmBonferroni {
    private HolmBonferroni() {}

    /** Adjusted p-values, in the input order. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] out = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
            out[i] = running;
        }
        return out;
    }
}
