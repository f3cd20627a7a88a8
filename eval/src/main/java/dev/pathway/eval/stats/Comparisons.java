package dev.pathway.eval.stats;

import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluation;
import dev.pathway.eval.metrics.Metric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Paired comparisons between conditions over queries. For each metric and each pair (every
 * condition against the first, the baseline; or all pairs), per-query values are averaged over a
 * condition's seeds, then a paired t-test and a paired randomization test are run over the
 * queries of the averaging mode: all qrels queries (a query a run misses scores 0) or the queries
 * every run of both conditions covers. Within each metric, Holm–Bonferroni corrects each test's
 * p-values across the comparisons.
 */
public final class Comparisons {
    private Comparisons() {}

    /** One comparison of condition {@code b} against {@code a} on one metric. */
    public record Row(
            String metric,
            String a,
            String b,
            int queries,
            double meanA,
            double meanB,
            double difference,
            double pT,
            double pRandomization,
            double pTHolm,
            double pRandomizationHolm) {}

    /** The comparisons (baseline = the first condition unless {@code allPairs}). */
    public static List<Row> compare(List<Condition> conditions, List<Metric> metrics, Averaging mode,
            RandomizationTest randomization, boolean allPairs) {
        if (conditions.size() < 2) {
            return List.of();
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            for (int j = i + 1; j < conditions.size(); j++) {
                if (allPairs || i == 0) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        PairedTTest t = new PairedTTest();
        List<Row> out = new ArrayList<>();
        for (Metric m : metrics) {
            List<Row> rows = new ArrayList<>();
            for (int[] p : pairs) {
                Condition a = conditions.get(p[0]);
                Condition b = conditions.get(p[1]);
                List<String> queries = queries(a, b, mode);
                if (queries.size() < 2) {
                    throw new UserInputException("conditions " + a.name() + " and " + b.name() + " share fewer than 2 queries; nothing to test");
                }
                double[] va = a.perQuery(m.name(), queries);
                double[] vb = b.perQuery(m.name(), queries);
                double ma = mean(va);
                double mb = mean(vb);
                rows.add(new Row(m.name(), a.name(), b.name(), queries.size(), ma, mb, mb - ma,
                        t.pValue(vb, va), randomization.pValue(vb, va), Double.NaN, Double.NaN));
            }
            double[] pt = rows.stream().mapToDouble(Row::pT).toArray();
            double[] pr = rows.stream().mapToDouble(Row::pRandomization).toArray();
            double[] ht = HolmBonferroni.adjust(pt);
            double[] hr = HolmBonferroni.adjust(pr);
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                out.add(new Row(r.metric(), r.a(), r.b(), r.queries(), r.meanA(), r.meanB(), r.difference(), r.pT(), r.pRandomization(), ht[i], hr[i]));
            }
        }
        return out;
    }

    /** The queries two conditions are compared on under a mode. */
    public static List<String> queries(Condition a, Condition b, Averaging mode) {
        Evaluation first = a.runs().get(0);
        if (mode == Averaging.ALL_QRELS) {
            return first.queries(Averaging.ALL_QRELS);
        }
        Set<String> common = new LinkedHashSet<>(first.queries(Averaging.RUN_AND_QRELS));
        for (Condition c : List.of(a, b)) {
            for (Evaluation e : c.runs()) {
                common.retainAll(new LinkedHashSet<>(e.queries(Averaging.RUN_AND_QRELS)));
            }
        }
        return new ArrayList<>(common);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
