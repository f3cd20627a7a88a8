package dev.pathway.editing.adversarial;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.editing.Outputs;
import dev.pathway.editing.chart.Charts;
import dev.pathway.editing.edit.TokenIdfDial;
import dev.pathway.editing.edit.TokenSelection;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.SvdTriplets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Results of adversarial down-weighting: samples, sweep rows, and the figure-7-like PNG. */
public record DownweightReport(
        String dataSet,
        UnsafeWords words,
        TokenSelection pieces,
        SvdTriplets svd,
        IdfTable orientationIdf,
        AdversarialSamples.Built samples,
        double baselineNdcg,
        int evalQueries,
        int evalPairs,
        List<SweepRow> rows,
        Downweighting.Config config) {

    public static final String JSON = "downweight.json";
    public static final String TSV = "downweight.tsv";
    public static final String SAMPLES = "samples.tsv";
    public static final String PNG = "downweight.png";

    public String table() {
        StringBuilder b = new StringBuilder("scale\tsamples\tsuccesses\tsuccess_rate\tndcg@10\tretention\trescored_pairs\n");
        for (SweepRow r : rows) {
            b.append(String.format(Locale.ROOT, "%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%d%n", fmt(r.scale()), r.samples(), r.successes(), r.successRate(),
                    r.ndcg10(), r.retention(), r.rescoredPairs()));
        }
        return b.toString();
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("experiment", "adversarial down-weighting (paper section 6.3): decrease rule U0 := +S|U0| on every piece of the unsafe words");
        n.put("data_set", dataSet);
        n.put("sample_split", config.sampleSplit());
        n.put("eval_split", config.evalSplit());
        n.put("word_list", words.file().toString());
        n.put("words", words.words().size());
        n.put("multi_word_entries_dropped", words.droppedPhrases());
        n.putPOJO("unk_words", pieces.unkWords());
        n.put("edited_pieces", pieces.ids().length);
        n.put("seed", config.seed());
        n.put("min_rise", config.minRise());
        n.put("candidates_available", samples.available());
        n.put("candidates_tried", samples.candidates());
        n.put("samples_kept", samples.samples().size());
        n.put("max_length", config.maxLength());
        n.put("rerank_top_k", config.topK());
        n.put("eval_queries", evalQueries);
        n.put("eval_pairs", evalPairs);
        n.put("ndcg@10_unedited", baselineNdcg);
        n.put("averaging", "run-and-qrels (queries in the BM25 run and the qrels, as BEIR)");
        n.set("svd", TokenIdfDial.svdFacts(svd, orientationIdf));
        ArrayNode a = n.putArray("rows");
        rows.forEach(a::addPOJO);
        return n;
    }

    public void write(Path dir) {
        Outputs.json(dir.resolve(JSON), toJson());
        Outputs.text(dir.resolve(TSV), table());
        StringBuilder s = new StringBuilder("query_id\tdoc_id\tword\tword_position\tclean_score\tunsafe_score\n");
        for (AdversarialSample x : samples.samples()) {
            s.append(x.queryId()).append('\t').append(x.docId()).append('\t').append(x.word()).append('\t').append(x.wordPosition())
                    .append('\t').append(x.cleanScore()).append('\t').append(x.unsafeScore()).append('\n');
        }
        Outputs.text(dir.resolve(SAMPLES), s.toString());
        double[] x = rows.stream().mapToDouble(SweepRow::scale).toArray();
        double[] success = rows.stream().mapToDouble(SweepRow::successRate).toArray();
        double[] ndcg = rows.stream().mapToDouble(SweepRow::ndcg10).toArray();
        double[] base = new double[x.length];
        java.util.Arrays.fill(base, baselineNdcg);
        boolean logX = x.length > 1 && x[0] > 0;
        Charts.panels(dir.resolve(PNG), List.of(
                Charts.lineChart("Down-weighting unsafe pieces: success rate (n = " + samples.samples().size() + ")", "scale S (U0 := +S|U0|)",
                        "fraction of samples with unsafe < clean", List.of(new Charts.Line("success rate", x, success, null)), logX),
                Charts.lineChart("nDCG@10 on clean " + config.evalSplit() + " queries (" + evalQueries + ")", "scale S (U0 := +S|U0|)", "nDCG@10",
                        List.of(new Charts.Line("edited", x, ndcg, null), new Charts.Line("unedited", x, base, null)), logX)), 2);
    }
}
