package dev.pathway.editing.causal;

import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.edit.DecreaseIdf;
import dev.pathway.editing.edit.EmbeddingRows;
import dev.pathway.editing.edit.IncreaseIdf;
import dev.pathway.editing.edit.U0Change;
import dev.pathway.editing.edit.U0Editor;
import dev.pathway.editing.edit.U0Rule;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.EmbeddingSvd;
import dev.pathway.editing.svd.IdfOrientation;
import dev.pathway.editing.svd.SvdTriplets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The causal test of section 4.4: for each query, doc1 repeats the first query word (tok1) and
 * doc2 the second (tok2); tok1's U0 is scaled up (increase IDF) and down (decrease IDF) over a
 * sweep of scales, and the scores of doc1 and doc2 are compared with the unedited model. If U0
 * carries the IDF the model uses, increasing tok1's IDF raises doc1 above doc2 and decreasing it
 * does the opposite. Also records the [CLS]-to-tok1 attention of one head (appendix F.1).
 *
 * <p>Each query's edit touches only its own tok1 pieces. Queries are batched in groups where no
 * member reads a piece that another member edits (see {@link EditGroups}), so one query's edit
 * never leaks into another's scores; each edit is undone bit-exactly, leaving the model as it was.
 */
public final class DocPairExperiment {
    private static final int BATCH = 32;

    private DocPairExperiment() {}

    /**
     * @param modes "increase" and/or "decrease"
     * @param scales S values (each > 0)
     * @param head the head whose attention is recorded, or null for the head whose [CLS] attention
     *     to query tokens correlates most with IDF
     * @param repetitions how often doc1/doc2 repeat the word
     * @param maxLength pair length limit
     * @param svdK SVD components
     */
    public record Config(List<String> modes, List<Double> scales, HeadRef head, int repetitions, int maxLength, int svdK) {
        public Config {
            if (scales.isEmpty()) {
                throw new UserInputException("give at least one scale");
            }
            for (String m : modes) {
                if (!m.equals("increase") && !m.equals("decrease")) {
                    throw new UserInputException("unknown mode '" + m + "' (use increase and/or decrease)");
                }
            }
            if (modes.isEmpty()) {
                throw new UserInputException("give at least one mode (increase, decrease)");
            }
            scales.forEach(s -> rule("increase", s));
        }
    }

    static U0Rule rule(String mode, double scale) {
        return mode.equals("increase") ? new IncreaseIdf(scale) : new DecreaseIdf(scale);
    }

    public static CausalReport run(CrossEncoder model, IdfTable idf, Map<String, String> queries, String querySource, Config cfg,
            Progress.Factory progressFactory) {
        DocPairSamples.Built built = DocPairSamples.build(model.tokenizer(), queries, cfg.repetitions(), cfg.maxLength());
        List<DocPairSample> samples = built.samples();
        if (samples.isEmpty()) {
            throw new UserInputException("none of the " + queries.size() + " queries is usable for the doc1/doc2 test (e.g. "
                    + built.skipped().values().stream().distinct().toList() + ")");
        }
        SvdTriplets svd = IdfOrientation.orient(EmbeddingSvd.of(model, cfg.svdK()), idf);
        List<PairEncoding> basePairs = new ArrayList<>();
        for (DocPairSample s : samples) {
            basePairs.add(s.doc1());
            basePairs.add(s.doc2());
        }
        List<HeadIdfCorrelation.HeadScore> heads = HeadIdfCorrelation.rank(model, basePairs, idf);
        HeadRef head = cfg.head() != null ? cfg.head() : heads.get(0).head();

        // Reference: the unedited model, batched.
        int n = samples.size();
        double[] base1 = new double[n];
        double[] base2 = new double[n];
        double[] baseAtt = new double[n];
        for (int start = 0; start < n; start += BATCH) {
            int end = Math.min(n, start + BATCH);
            AttentionProbe.Result r = AttentionProbe.run(model, basePairs.subList(2 * start, 2 * end), new int[] {head.layer()});
            for (int i = start; i < end; i++) {
                base1[i] = r.scores()[2 * (i - start)];
                base2[i] = r.scores()[2 * (i - start) + 1];
                baseAtt[i] = meanAt(r.clsAttention()[0][2 * (i - start)][head.head()], samples.get(i).tok1Positions());
            }
        }
        double offset = mean(base1);
        List<ScaleRow> rows = new ArrayList<>();
        rows.add(row("unedited", 1, base1, base2, baseAtt, offset));
        List<List<Integer>> groups = EditGroups.of(samples, BATCH);
        try (Progress progress = progressFactory.start("doc1/doc2 sweep", (long) n * cfg.modes().size() * cfg.scales().size(), "edits")) {
            for (String mode : cfg.modes()) {
                for (double scale : cfg.scales()) {
                    U0Rule rule = rule(mode, scale);
                    double[] s1 = new double[n];
                    double[] s2 = new double[n];
                    double[] att = new double[n];
                    for (List<Integer> group : groups) {
                        List<Integer> ids = new ArrayList<>();
                        List<PairEncoding> pairs = new ArrayList<>();
                        for (int i : group) {
                            for (int id : samples.get(i).tok1Ids()) {
                                ids.add(id);
                            }
                            pairs.add(samples.get(i).doc1());
                            pairs.add(samples.get(i).doc2());
                        }
                        U0Change change = U0Editor.plan(svd, ids.stream().mapToInt(Integer::intValue).toArray(), rule);
                        float[][] saved = U0Editor.apply(model, svd, change);
                        try {
                            AttentionProbe.Result r = AttentionProbe.run(model, pairs, new int[] {head.layer()});
                            for (int j = 0; j < group.size(); j++) {
                                int i = group.get(j);
                                s1[i] = r.scores()[2 * j];
                                s2[i] = r.scores()[2 * j + 1];
                                att[i] = meanAt(r.clsAttention()[0][2 * j][head.head()], samples.get(i).tok1Positions());
                            }
                        } finally {
                            EmbeddingRows.write(model, change.ids(), saved);
                        }
                        progress.step(group.size());
                    }
                    rows.add(row(mode, scale, s1, s2, att, offset));
                }
            }
        }
        return new CausalReport(querySource, idf.source(), samples, built.skipped(), head, cfg.head() == null, heads, offset, rows, cfg);
    }

    private static ScaleRow row(String mode, double scale, double[] s1, double[] s2, double[] att, double offset) {
        SummaryStatistics a = new SummaryStatistics();
        SummaryStatistics b = new SummaryStatistics();
        SummaryStatistics c = new SummaryStatistics();
        int above = 0;
        for (int i = 0; i < s1.length; i++) {
            a.addValue(s1[i] - offset);
            b.addValue(s2[i] - offset);
            c.addValue(att[i]);
            if (s1[i] > s2[i]) {
                above++;
            }
        }
        return new ScaleRow(mode, scale, s1.length, a.getMean(), sd(a), b.getMean(), sd(b), (double) above / s1.length, c.getMean(), sd(c));
    }

    private static double sd(SummaryStatistics s) {
        return s.getN() > 1 ? s.getStandardDeviation() : 0;
    }

    private static double meanAt(float[] row, int[] positions) {
        double s = 0;
        for (int p : positions) {
            s += row[p];
        }
        return s / positions.length;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
