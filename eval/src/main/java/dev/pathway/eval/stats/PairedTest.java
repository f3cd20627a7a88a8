package dev.pathway.eval.stats;

/** A paired significance test over queries: per-query values of two systems in the same query order. */
public interface PairedTest {
    /** The test's name as printed in reports. */
    String name();

    /** The two-sided p-value for H0: the mean per-query difference is 0. */
    double pValue(double[] a, double[] b);

    static void checkPaired(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        if (a.length < 2) {
            throw new IllegalArgumentException("a paired test needs at least 2 queries");
        }
    }
}
