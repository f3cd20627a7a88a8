/**
 * Results across seeds and conditions: {@link dev.pathway.eval.stats.SeedSummary} (mean, sample sd,
 * per-seed values, 95% CI), paired tests over queries ({@link dev.pathway.eval.stats.PairedTTest},
 * {@link dev.pathway.eval.stats.RandomizationTest}), {@link dev.pathway.eval.stats.HolmBonferroni}
 * and {@link dev.pathway.eval.stats.Comparisons} of {@link dev.pathway.eval.stats.Condition}s.
 */
package dev.pathway.eval.stats;
