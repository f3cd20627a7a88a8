package dev.pathway.editing.causal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.editing.Outputs;
import dev.pathway.editing.chart.Charts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * The result of the doc1/doc2 test: one row per (mode, scale) plus the unedited reference, the
 * head whose attention was recorded, and the head ranking by IDF correlation.
 */
public record CausalReport(
        String querySource,
        String idfSource,
        List<DocPairSample> samples,
        Map<String, String> skipped,
        HeadRef head,
        boolean headChosenAutomatically,
        List<HeadIdfCorrelation.HeadScore> headRanking,
        double offset,
        List<ScaleRow> rows,
        DocPairExperiment.Config config) {

    public static final String JSON = "causal.json";
    public static final String TSV = "causal.tsv";
    public static final String SCORES_PNG = "causal-scores.png";
    public static final String ATTENTION_PNG = "causal-attention.png";

    public String table() {
        StringBuilder b = new StringBuilder("mode\tscale\tn\tdoc1\tdoc1_sd\tdoc2\tdoc2_sd\tdoc1>doc2\tattn_" + head + "\tattn_sd\n");
        for (ScaleRow r : rows) {
            b.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.3f\t%.4f\t%.4f%n", r.mode(), fmt(r.scale()), r.samples(),
                    r.doc1(), r.doc1Sd(), r.doc2(), r.doc2Sd(), r.doc1AboveDoc2(), r.attention(), r.attentionSd()));
        }
        return b.toString();
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("test", "section 4.4 doc1/doc2: doc1 repeats the first query word (tok1), doc2 the second (tok2); tok1's U0 is edited");
        n.put("queries", querySource);
        n.put("idf_source", idfSource);
        n.put("samples", samples.size());
        n.put("skipped_queries", skipped.size());
        n.putPOJO("skipped", skipped);
        n.put("repetitions", config.repetitions());
        n.put("svd_k", config.svdK());
        n.put("normalisation", "scores minus the mean unedited doc1 score (" + offset + ")");
        n.put("head", head.toString());
        n.put("head_choice", headChosenAutomatically ? "highest Pearson r of [CLS]->query-token attention with IDF" : "given by the user");
        ArrayNode hr = n.putArray("head_ranking");
        for (HeadIdfCorrelation.HeadScore h : headRanking.subList(0, Math.min(10, headRanking.size()))) {
            ObjectNode o = hr.addObject();
            o.put("head", h.head().toString());
            o.put("pearson", h.pearson());
            o.put("positions", h.positions());
        }
        ArrayNode a = n.putArray("rows");
        for (ScaleRow r : rows) {
            a.addPOJO(r);
        }
        ArrayNode s = n.putArray("sample_words");
        for (DocPairSample d : samples) {
            ObjectNode o = s.addObject();
            o.put("query_id", d.queryId());
            o.put("tok1", d.word1());
            o.put("tok2", d.word2());
        }
        return n;
    }

    public void write(Path dir) {
        Outputs.json(dir.resolve(JSON), toJson());
        Outputs.text(dir.resolve(TSV), table());
        List<XYChart> scores = new ArrayList<>();
        List<XYChart> attention = new ArrayList<>();
        ScaleRow ref = rows.get(0);
        for (String mode : config.modes()) {
            List<ScaleRow> rs = rows.stream().filter(r -> r.mode().equals(mode)).toList();
            double[] x = rs.stream().mapToDouble(ScaleRow::scale).toArray();
            double[] d1 = rs.stream().mapToDouble(ScaleRow::doc1).toArray();
            double[] d2 = rs.stream().mapToDouble(ScaleRow::doc2).toArray();
            double[] at = rs.stream().mapToDouble(ScaleRow::attention).toArray();
            // The unedited model as flat reference lines (scale 1 of the sweep is not "unedited":
            // the rules replace a signed U0 by a signed |U0|).
            double[] ref1 = new double[x.length];
            double[] ref2 = new double[x.length];
            double[] refAt = new double[x.length];
            java.util.Arrays.fill(ref1, ref.doc1());
            java.util.Arrays.fill(ref2, ref.doc2());
            java.util.Arrays.fill(refAt, ref.attention());
            String what = mode.equals("increase") ? "Increasing" : "Decreasing";
            scores.add(Charts.lineChart(what + " tok1's IDF (U0 := " + (mode.equals("increase") ? "-" : "+") + "S|U0|), n = " + ref.samples(),
                    "scale S", "normalised score (unedited doc1 = 0)",
                    List.of(new Charts.Line("doc1 (repeats tok1)", x, d1, null), new Charts.Line("doc2 (repeats tok2)", x, d2, null),
                            new Charts.Line("doc1 unedited", x, ref1, null), new Charts.Line("doc2 unedited", x, ref2, null)), true));
            attention.add(Charts.lineChart(what + " tok1's IDF: attention of head " + head + " from [CLS] to tok1",
                    "scale S", "attention", List.of(new Charts.Line("[CLS] -> tok1, head " + head, x, at, null),
                            new Charts.Line("unedited", x, refAt, null)), true));
        }
        Charts.stacked(dir.resolve(SCORES_PNG), scores);
        Charts.stacked(dir.resolve(ATTENTION_PNG), attention);
    }
}
