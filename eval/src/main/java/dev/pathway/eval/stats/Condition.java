package dev.pathway.eval.stats;

import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluation;
import java.util.List;

/**
 * One experimental condition: its evaluations, one per seed (or per repeated run), all against
 * the same judgments.
 *
 * @param name the condition's name in reports
 * @param runs one evaluation per seed
 * @param labels one label per seed (a seed number or a run file name)
 */
public record Condition(String name, List<Evaluation> runs, List<String> labels) {
    public Condition {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("condition " + name + " has no runs");
        }
        if (labels.size() != runs.size()) {
            throw new IllegalArgumentException("condition " + name + ": " + labels.size() + " labels for " + runs.size() + " runs");
        }
        runs = List.copyOf(runs);
        labels = List.copyOf(labels);
    }

    /** The metric's mean per seed, summarised across seeds. */
    public SeedSummary summary(String metric, Averaging mode) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = runs.get(i).mean(metric, mode);
        }
        return SeedSummary.of(v);
    }

    /** Per-query values averaged over seeds, for the given queries (0 where a run lacks the query). */
    public double[] perQuery(String metric, List<String> queries) {
        double[] out = new double[queries.size()];
        for (Evaluation e : runs) {
            for (int i = 0; i < out.length; i++) {
                out[i] += e.value(metric, queries.get(i));
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= runs.size();
        }
        return out;
    }
}
