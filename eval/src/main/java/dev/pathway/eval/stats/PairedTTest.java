package dev.pathway.eval.stats;

import org.apache.commons.math3.stat.inference.TTest;

/**
 * Two-sided paired t-test over queries (Commons Math). When every difference is the same the
 * statistic is undefined: p = 1 if that difference is 0, else p = 0.
 */
public final class PairedTTest implements PairedTest {
    @Override
    public String name() {
        return "paired t-test (two-sided)";
    }

    @Override
    public double pValue(double[] a, double[] b) {
        PairedTest.checkPaired(a, b);
        double first = a[0] - b[0];
        boolean constant = true;
        for (int i = 1; i < a.length && constant; i++) {
            constant = (a[i] - b[i]) == first;
        }
        if (constant) {
            return first == 0 ? 1.0 : 0.0;
        }
        return new TTest().pairedTTest(a, b);
    }
}
