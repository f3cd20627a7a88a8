package dev.pathway.eval.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Version;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluation;
import dev.pathway.eval.metrics.Metric;
import dev.pathway.eval.stats.Comparisons;
import dev.pathway.eval.stats.Condition;
import dev.pathway.eval.stats.PairedTTest;
import dev.pathway.eval.stats.SeedSummary;
import java.time.Instant;
import java.util.Map;

/**
 * The machine-readable {@code results.json}: data set variant and split, metric definitions,
 * both averaging modes (and which one is primary), per-run means and per-query values, per-condition
 * summaries across seeds, comparisons, settings and notes. NaN (e.g. the sd of one seed) is
 * written as null.
 */
public final class ResultsJson {
    private ResultsJson() {}

    public static ObjectNode toJson(EvalReport r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("tool", "pathway " + Version.get());
        root.put("created_at", Instant.now().toString());
        root.put("title", r.title());
        root.put("command", r.command());
        ObjectNode ds = root.putObject("dataset");
        if (r.dataSet() != null) {
            EvalReport.DataSetInfo d = r.dataSet();
            ds.put("name", d.name());
            ds.put("variant", d.variant());
            ds.put("label", d.label());
            ds.put("split", d.split());
            ds.put("comparable_with_published", d.comparableWithPublished());
            ds.put("source", d.source());
            ds.put("directory", d.directory());
            ds.put("corpus_sha256", d.corpusSha256());
        }
        ds.put("qrels", r.qrelsSource());
        ObjectNode avg = root.putObject("averaging");
        avg.put("primary", r.primary().label());
        ObjectNode modes = avg.putObject("modes");
        for (Averaging a : Averaging.values()) {
            modes.put(a.label(), a.description());
        }
        ArrayNode metrics = root.putArray("metrics");
        for (Metric m : r.metrics()) {
            ObjectNode n = metrics.addObject();
            n.put("name", m.name());
            n.put("trec_eval", m.trecEvalName());
            n.put("definition", m.definition());
        }
        root.set("settings", Json.MAPPER.valueToTree(r.settings()));
        ArrayNode conds = root.putArray("conditions");
        for (Condition c : r.conditions()) {
            ObjectNode cn = conds.addObject();
            cn.put("name", c.name());
            cn.put("seeds", c.runs().size());
            ObjectNode summary = cn.putObject("summary");
            for (Averaging a : Averaging.values()) {
                ObjectNode sm = summary.putObject(a.label());
                for (Metric m : r.metrics()) {
                    SeedSummary s = c.summary(m.name(), a);
                    ObjectNode x = sm.putObject(m.name());
                    number(x, "mean", s.mean());
                    number(x, "sd", s.sd());
                    ArrayNode ci = x.putArray("ci95");
                    add(ci, s.ciLow());
                    add(ci, s.ciHigh());
                    ArrayNode vals = x.putArray("per_seed");
                    for (double v : s.values()) {
                        add(vals, v);
                    }
                }
            }
            ArrayNode runs = cn.putArray("runs");
            for (int i = 0; i < c.runs().size(); i++) {
                Evaluation e = c.runs().get(i);
                ObjectNode rn = runs.addObject();
                rn.put("label", c.labels().get(i));
                rn.put("run", e.runName());
                ObjectNode q = rn.putObject("queries");
                for (Averaging a : Averaging.values()) {
                    q.put(a.label(), e.queryCount(a));
                }
                ArrayNode missing = rn.putArray("qrels_queries_missing_from_run");
                e.missingFromRun().forEach(missing::add);
                rn.put("run_queries_without_judgments", e.ignoredRunQueries());
                ObjectNode means = rn.putObject("means");
                for (Averaging a : Averaging.values()) {
                    ObjectNode mm = means.putObject(a.label());
                    e.means(a).forEach((k, v) -> number(mm, k, v));
                }
                ObjectNode per = rn.putObject("per_query");
                for (Metric m : r.metrics()) {
                    ObjectNode pm = per.putObject(m.name());
                    for (Map.Entry<String, Double> v : e.perQuery(m.name(), Averaging.ALL_QRELS).entrySet()) {
                        number(pm, v.getKey(), v.getValue());
                    }
                }
            }
        }
        ObjectNode cmp = root.putObject("comparisons");
        cmp.put("averaging", r.primary().label());
        cmp.put("baseline", r.conditions().isEmpty() ? null : r.conditions().get(0).name());
        ArrayNode tests = cmp.putArray("tests");
        tests.add(new PairedTTest().name());
        if (r.randomization() != null) {
            tests.add(r.randomization().name());
        }
        cmp.put("correction", "Holm-Bonferroni across the comparisons of each metric, per test");
        cmp.put("per_query_values", "mean over a condition's seeds");
        ArrayNode rows = cmp.putArray("rows");
        for (Comparisons.Row row : r.comparisons()) {
            ObjectNode n = rows.addObject();
            n.put("metric", row.metric());
            n.put("a", row.a());
            n.put("b", row.b());
            n.put("queries", row.queries());
            number(n, "mean_a", row.meanA());
            number(n, "mean_b", row.meanB());
            number(n, "difference_b_minus_a", row.difference());
            number(n, "p_t_test", row.pT());
            number(n, "p_randomization", row.pRandomization());
            number(n, "p_t_test_holm", row.pTHolm());
            number(n, "p_randomization_holm", row.pRandomizationHolm());
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    private static void add(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }
}
