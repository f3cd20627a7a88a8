package dev.pathway.eval.stats;

import dev.pathway.core.util.Seeds;
import java.util.SplittableRandom;

/**
 * Two-sided paired randomization (sign-flip permutation) test over queries, as Smucker, Allan and
 * Carterette (CIKM 2007) recommend for IR: under H0 each query's difference is equally likely to
 * have either sign. The p-value is {@code (1 + #{|mean of flipped differences| >= |observed
 * mean|}) / (1 + permutations)}, so it is never 0. The flips come from a seeded generator: the
 * same seed gives the same p-value.
 */
public final class RandomizationTest implements PairedTest {
    /** The minimum the reports use. */
    public static final int DEFAULT_PERMUTATIONS = 10_000;

    private final int permutations;
    private final long seed;

    public RandomizationTest(int permutations, long seed) {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be >= 1");
        }
        this.permutations = permutations;
        this.seed = seed;
    }

    public int permutations() {
        return permutations;
    }

    public long seed() {
        return seed;
    }

    @Override
    public String name() {
        return "paired randomization test (two-sided, " + permutations + " sign flips, seed " + seed + ")";
    }

    @Override
    public double pValue(double[] a, double[] b) {
        PairedTest.checkPaired(a, b);
        int n = a.length;
        double[] d = new double[n];
        double observed = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
            observed += d[i];
        }
        observed = Math.abs(observed);
        // a small tolerance so that sums equal up to rounding count as "at least as extreme"
        double threshold = observed - 1e-12 * Math.max(1, observed);
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "randomization-test"));
        long extreme = 0;
        for (int p = 0; p < permutations; p++) {
            double s = 0;
            int i = 0;
            while (i < n) {
                long bits = rng.nextLong();
                for (int j = 0; j < 64 && i < n; j++, i++) {
                    s += ((bits >>> j) & 1L) == 0 ? d[i] : -d[i];
                }
            }
            if (Math.abs(s) >= threshold) {
                extreme++;
            }
        }
        return (1.0 + extreme) / (1.0 + permutations);
    }
}
