package dev.pathway.eval.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-query values of some metrics for one run against one set of judgments, and their means
 * under either {@link Averaging} mode. Values are kept for every query of the qrels; a query the
 * run does not cover holds 0 (what trec_eval -c adds) and is left out of {@link
 * Averaging#RUN_AND_QRELS} means.
 */
public final class Evaluation {
    private final String runName;
    private final List<Metric> metrics;
    private final List<String> qrelsQueries;
    private final Set<String> inRun;
    private final Map<String, double[]> values;
    private final int ignoredRunQueries;

    Evaluation(String runName, List<Metric> metrics, List<String> qrelsQueries, Set<String> inRun,
            Map<String, double[]> values, int ignoredRunQueries) {
        this.runName = runName;
        this.metrics = List.copyOf(metrics);
        this.qrelsQueries = List.copyOf(qrelsQueries);
        this.inRun = Collections.unmodifiableSet(inRun);
        this.values = values;
        this.ignoredRunQueries = ignoredRunQueries;
    }

    public String runName() {
        return runName;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    /** Queries averaged under a mode, in qrels order. */
    public List<String> queries(Averaging mode) {
        if (mode == Averaging.ALL_QRELS) {
            return qrelsQueries;
        }
        List<String> out = new ArrayList<>();
        for (String q : qrelsQueries) {
            if (inRun.contains(q)) {
                out.add(q);
            }
        }
        return out;
    }

    /** Number of queries averaged under a mode. */
    public int queryCount(Averaging mode) {
        return mode == Averaging.ALL_QRELS ? qrelsQueries.size() : inRun.size();
    }

    /** Queries of the qrels that the run does not cover (they score 0 under ALL_QRELS). */
    public List<String> missingFromRun() {
        List<String> out = new ArrayList<>();
        for (String q : qrelsQueries) {
            if (!inRun.contains(q)) {
                out.add(q);
            }
        }
        return out;
    }

    /** Run queries without judgments in these qrels (ignored, as trec_eval does). */
    public int ignoredRunQueries() {
        return ignoredRunQueries;
    }

    /** The value of a metric for one query (0 for a qrels query missing from the run). */
    public double value(String metric, String queryId) {
        int i = qrelsQueries.indexOf(queryId);
        if (i < 0) {
            throw new IllegalArgumentException("query " + queryId + " is not in the qrels");
        }
        return column(metric)[i];
    }

    /** Per-query values of a metric under a mode, in qrels order. */
    public Map<String, Double> perQuery(String metric, Averaging mode) {
        double[] col = column(metric);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < qrelsQueries.size(); i++) {
            String q = qrelsQueries.get(i);
            if (mode == Averaging.ALL_QRELS || inRun.contains(q)) {
                out.put(q, col[i]);
            }
        }
        return out;
    }

    /** The mean of a metric under a mode. */
    public double mean(String metric, Averaging mode) {
        double[] col = column(metric);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < qrelsQueries.size(); i++) {
            if (mode == Averaging.ALL_QRELS || inRun.contains(qrelsQueries.get(i))) {
                sum += col[i];
                n++;
            }
        }
        return n == 0 ? 0.0 : sum / n;
    }

    /** Means of all metrics under a mode, by metric name. */
    public Map<String, Double> means(Averaging mode) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric m : metrics) {
            out.put(m.name(), mean(m.name(), mode));
        }
        return out;
    }

    private double[] column(String metric) {
        double[] col = values.get(metric);
        if (col == null) {
            throw new IllegalArgumentException("metric " + metric + " was not evaluated (have " + values.keySet() + ")");
        }
        return col;
    }
}
