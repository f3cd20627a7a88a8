package dev.pathway.eval.stats;

import static org.junit.jupiter.api.Assertions.*;

import dev.pathway.eval.data.Qrels;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluation;
import dev.pathway.eval.metrics.Evaluator;
import dev.pathway.eval.metrics.Metrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference values from SciPy 1.17 (stats.ttest_rel, stats.t.ppf) and exact enumeration of all sign flips. */
class StatsTest {
    static final double[] A = {0.5, 0.7, 0.2, 0.9, 0.4, 0.6, 0.3, 0.8};
    static final double[] B = {0.4, 0.5, 0.25, 0.6, 0.3, 0.65, 0.1, 0.5};

    @Test
    void seedSummaryUsesSampleSdAndStudentT() {
        SeedSummary s = SeedSummary.of(0.30, 0.32, 0.34);
        assertEquals(0.32, s.mean(), 1e-12);
        assertEquals(0.02, s.sd(), 1e-12);
        double half = 4.302652729749462 * 0.02 / Math.sqrt(3); // scipy.stats.t.ppf(0.975, 2)
        assertEquals(0.32 - half, s.ciLow(), 1e-9);
        assertEquals(0.32 + half, s.ciHigh(), 1e-9);
        assertArrayEquals(new double[] {0.30, 0.32, 0.34}, s.values());
        SeedSummary one = SeedSummary.of(0.5);
        assertEquals(0.5, one.mean());
        assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ciLow()));
    }

    @Test
    void pairedTTestMatchesScipy() {
        assertEquals(0.02601415533435898, new PairedTTest().pValue(A, B), 1e-10);
        assertEquals(1.0, new PairedTTest().pValue(new double[] {1, 2}, new double[] {1, 2}));
        assertEquals(0.0, new PairedTTest().pValue(new double[] {2, 3}, new double[] {1, 2}));
    }

    @Test
    void randomizationTestApproachesTheExactSignFlipDistribution() {
        // exact: 12 of the 2^8 = 256 sign patterns are at least as extreme -> 0.046875
        RandomizationTest t = new RandomizationTest(20_000, 7);
        double p = t.pValue(A, B);
        assertEquals(0.046875, p, 0.006);
        assertEquals(p, new RandomizationTest(20_000, 7).pValue(A, B), 0.0, "same seed, same p");
        assertNotEquals(p, new RandomizationTest(20_000, 8).pValue(A, B));
        // identical systems: every flip is as extreme as 0
        assertEquals(1.0, t.pValue(A, A), 0.0);
        // ten equal positive differences: only 2 of 1024 patterns are as extreme
        double[] ten = new double[10];
        double[] zero = new double[10];
        java.util.Arrays.fill(ten, 0.1);
        assertEquals(2.0 / 1024, new RandomizationTest(50_000, 1).pValue(ten, zero), 0.001);
        assertTrue(t.name().contains("20000 sign flips, seed 7"));
    }

    @Test
    void holmStepDown() {
        double[] adj = HolmBonferroni.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
        // sorted: 0.005*4 = 0.02, 0.01*3 = 0.03, 0.03*2 = 0.06, 0.04*1 = 0.04 -> running max 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adj, 1e-12);
        assertArrayEquals(new double[] {1.0, 1.0}, HolmBonferroni.adjust(new double[] {0.6, 0.9}), 1e-12);
        assertArrayEquals(new double[] {0.05}, HolmBonferroni.adjust(new double[] {0.05}), 0);
    }

    private static Evaluation eval(String name, double[] rr, Qrels qrels) {
        // per query: put the relevant doc at rank round(1/rr) so that RR@10 equals rr
        Run.Builder b = new Run.Builder(name);
        for (int q = 0; q < rr.length; q++) {
            int rank = (int) Math.round(1 / rr[q]);
            for (int r = 1; r <= 10; r++) {
                b.add("q" + q, r == rank ? "rel" : "n" + r, 100 - r);
            }
        }
        return Evaluator.evaluate(b.build(), qrels, Metrics.parseList("mrr@10"));
    }

    @Test
    void conditionsAcrossSeedsAndHolmAcrossComparisons() {
        Qrels.Builder qb = new Qrels.Builder("toy");
        for (int q = 0; q < 8; q++) {
            qb.add("q" + q, "rel", 1);
        }
        Qrels qrels = qb.build();
        Condition base = new Condition("base", List.of(eval("b1", new double[] {1, 0.5, 0.5, 1, 0.25, 1, 0.5, 1}, qrels),
                eval("b2", new double[] {1, 0.5, 1, 1, 0.25, 1, 0.5, 0.5}, qrels)), List.of("seed 1", "seed 2"));
        Condition better = new Condition("better", List.of(eval("x1", new double[] {1, 1, 1, 1, 0.5, 1, 1, 1}, qrels)), List.of("seed 1"));
        Condition same = new Condition("same", List.of(eval("s1", new double[] {1, 0.5, 0.5, 1, 0.25, 1, 0.5, 1}, qrels)), List.of("seed 1"));
        SeedSummary s = base.summary("mrr@10", Averaging.RUN_AND_QRELS);
        assertEquals((5.75 / 8 + 5.75 / 8) / 2, s.mean(), 1e-12);
        assertArrayEquals(new double[] {5.75 / 8, 5.75 / 8}, s.values(), 1e-12);
        double[] perQuery = base.perQuery("mrr@10", List.of("q2", "q7"));
        assertArrayEquals(new double[] {0.75, 0.75}, perQuery, 1e-12);
        List<Comparisons.Row> rows = Comparisons.compare(List.of(base, better, same), Metrics.parseList("mrr@10"),
                Averaging.ALL_QRELS, new RandomizationTest(10_000, 42), false);
        assertEquals(2, rows.size());
        Comparisons.Row r = rows.get(0);
        assertEquals("better", r.b());
        assertEquals(8, r.queries());
        assertEquals(7.5 / 8 - 5.75 / 8, r.difference(), 1e-12);
        double[] va = base.perQuery("mrr@10", Comparisons.queries(base, better, Averaging.ALL_QRELS));
        double[] vb = better.perQuery("mrr@10", Comparisons.queries(base, better, Averaging.ALL_QRELS));
        assertEquals(new PairedTTest().pValue(vb, va), r.pT(), 1e-15);
        double[] holm = HolmBonferroni.adjust(new double[] {rows.get(0).pT(), rows.get(1).pT()});
        assertEquals(holm[0], r.pTHolm(), 1e-15);
        assertEquals(holm[1], rows.get(1).pTHolm(), 1e-15);
        // five non-zero differences (.5 .25 .25 .5 .25): only the two all-same-sign patterns of 32 are as extreme
        assertEquals(2.0 / 32, r.pRandomization(), 0.008);
        assertTrue(rows.get(1).pRandomizationHolm() > 0.5);
        assertEquals(3, Comparisons.compare(List.of(base, better, same), Metrics.parseList("mrr@10"),
                Averaging.ALL_QRELS, new RandomizationTest(1000, 1), true).size());
    }
}
