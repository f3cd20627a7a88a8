package dev.pathway.eval.metrics;

import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.Qrels;
import dev.pathway.eval.data.Run;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a run against judgments, as trec_eval does: each query's documents in trec_eval
 * order (score descending, document id descending), unjudged documents non-relevant, run queries
 * without judgments ignored, queries of the qrels missing from the run scored 0 (used only by
 * {@link Averaging#ALL_QRELS}). A query counts as "in the run" when it has at least one document
 * (a TREC run file cannot hold a query with none).
 */
public final class Evaluator {
    private Evaluator() {}

    /** Fails when the run and the qrels share no query (trec_eval exits there too). */
    public static Evaluation evaluate(Run run, Qrels qrels, List<Metric> metrics) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metrics");
        }
        List<String> queries = new ArrayList<>(qrels.queryIds());
        Set<String> inRun = new HashSet<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Metric m : metrics) {
            values.put(m.name(), new double[queries.size()]);
        }
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            if (run.ranked(q).isEmpty()) {
                continue;
            }
            inRun.add(q);
            JudgedRanking r = JudgedRanking.of(run.ranked(q), qrels.judgments(q));
            for (Metric m : metrics) {
                values.get(m.name())[i] = m.compute(r);
            }
        }
        if (inRun.isEmpty()) {
            throw new UserInputException("run '" + run.name() + "' shares no query with the judgments " + qrels.source());
        }
        int ignored = 0;
        for (String q : run.queryIds()) {
            if (!qrels.contains(q) && !run.ranked(q).isEmpty()) {
                ignored++;
            }
        }
        return new Evaluation(run.name(), metrics, queries, inRun, values, ignored);
    }
}
