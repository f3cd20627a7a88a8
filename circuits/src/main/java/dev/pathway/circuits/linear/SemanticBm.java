package dev.pathway.circuits.linear;

import dev.pathway.core.util.Seeds;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.Qrels;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluation;
import dev.pathway.eval.metrics.Evaluator;
import dev.pathway.eval.metrics.Metric;
import dev.pathway.eval.metrics.Ndcg;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * SemanticBM, the linear approximation of the relevance circuit (section 5 and appendix G of the
 * paper): one OLS model per query length, fitted on a seeded 80/20 split of each group's queries,
 * against token-level BM25, random features of the same shape, and the cross-encoder itself.
 *
 * <p>Works on already computed samples (logits and Matching Scores), so it runs without a model.
 */
public final class SemanticBm {
    /** nDCG cutoff of Table 2. */
    public static final Metric NDCG10 = new Ndcg(10);

    /** One test pair with every scorer's value. */
    public record TestRow(Sample sample, int group, Map<Scorer, Double> scores) {}

    /** What one query-length group gave. */
    public record Group(int length, int features, int trainPairs, int testPairs, Set<String> trainQueries, Set<String> testQueries,
            boolean minimumNorm, Map<Scorer, FitStats> fits, Map<Scorer, Double> ndcg, int ndcgQueries) {}

    /** A point of the BM25 grid: median over groups of the training-split Pearson r. */
    public record GridPoint(double k1, double b, double trainMedianPearson) {}

    /**
     * The outcome.
     *
     * @param groups fitted groups by query length
     * @param skipped groups left out, by length: why
     * @param avgdl the average document length used per data set
     * @param grid every grid point
     * @param best the chosen grid point
     * @param testRows every test pair
     * @param pooled correlations over all test pairs pooled (each group's model on its own pairs)
     */
    public record Result(List<Group> groups, Map<Integer, String> skipped, Map<String, Double> avgdl, List<GridPoint> grid, GridPoint best,
            List<TestRow> testRows, Map<Scorer, FitStats> pooled) {}

    private final SemanticBmOptions options;
    private final IdfProxy idf;
    private final double[] bm25Idf;

    /**
     * @param idf the IDF proxy (ft1)
     * @param bm25Idf IDF per vocabulary id for token BM25 (NaN = unknown, contributes 0)
     */
    public SemanticBm(SemanticBmOptions options, IdfProxy idf, double[] bm25Idf) {
        this.options = options;
        this.idf = idf;
        this.bm25Idf = bm25Idf;
    }

    /**
     * @param samples all pairs with logits and Matching Scores
     * @param qrels judgments per data set name (sets without judgments are absent)
     */
    public Result run(List<Sample> samples, Map<String, Qrels> qrels) {
        Map<Integer, List<Sample>> byLength = new TreeMap<>();
        Map<Integer, String> skipped = new TreeMap<>();
        int tooLong = 0;
        for (Sample s : samples) {
            int l = s.pair().queryLength();
            if (l >= 1 && l <= options.maxQueryLength()) {
                byLength.computeIfAbsent(l, k -> new ArrayList<>()).add(s);
            } else {
                tooLong++;
            }
        }
        for (var it = byLength.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            long queries = e.getValue().stream().map(s -> s.pair().queryKey()).distinct().count();
            if (e.getValue().size() < options.minSamples()) {
                skipped.put(e.getKey(), e.getValue().size() + " pairs < --min-samples " + options.minSamples());
                it.remove();
            } else if (queries < 2) {
                skipped.put(e.getKey(), "one query only: no train/test split of queries");
                it.remove();
            }
        }
        if (byLength.isEmpty()) {
            throw new UserInputException("no query-length group has at least --min-samples " + options.minSamples() + " pairs ("
                    + samples.size() + " pairs in all" + (tooLong > 0 ? ", " + tooLong + " with queries longer than --max-query-length "
                    + options.maxQueryLength() : "") + "); lower --min-samples or add queries");
        }
        if (tooLong > 0) {
            skipped.put(0, tooLong + " pairs with queries longer than " + options.maxQueryLength() + " tokens");
        }
        Map<String, Double> avgdl = averageLengths(samples);
        Map<Integer, QuerySplit> splits = new TreeMap<>();
        for (var e : byLength.entrySet()) {
            splits.put(e.getKey(), QuerySplit.of(e.getValue().stream().map(s -> s.pair().queryKey()).toList(), options.testFraction(),
                    Seeds.derive(options.seed(), "linear/split/" + e.getKey())));
        }
        // BM25 grid: chosen on the training parts only.
        List<GridPoint> grid = new ArrayList<>();
        GridPoint best = null;
        for (double k1 : options.gridK1()) {
            for (double b : options.gridB()) {
                List<Double> rs = new ArrayList<>();
                for (var e : byLength.entrySet()) {
                    QuerySplit sp = splits.get(e.getKey());
                    List<Sample> train = e.getValue().stream().filter(s -> !sp.isTest(s.pair().queryKey())).toList();
                    double r = FitStats.correlations(bm25(train, k1, b, avgdl), logits(train)).pearson();
                    if (!Double.isNaN(r)) {
                        rs.add(r);
                    }
                }
                GridPoint g = new GridPoint(k1, b, rs.isEmpty() ? Double.NaN : median(rs));
                grid.add(g);
                if (best == null || (!Double.isNaN(g.trainMedianPearson()) && (Double.isNaN(best.trainMedianPearson())
                        || g.trainMedianPearson() > best.trainMedianPearson()))) {
                    best = g;
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        List<TestRow> rows = new ArrayList<>();
        for (var e : byLength.entrySet()) {
            int len = e.getKey();
            QuerySplit sp = splits.get(len);
            List<Sample> train = e.getValue().stream().filter(s -> !sp.isTest(s.pair().queryKey())).toList();
            List<Sample> test = e.getValue().stream().filter(s -> sp.isTest(s.pair().queryKey())).toList();
            double[][] xTrain = features(train);
            double[][] xTest = features(test);
            double[] yTrain = logits(train);
            double[] yTest = logits(test);
            OlsModel model = OlsModel.fit(xTrain, yTrain);
            double[] semantic = model.predict(xTest);
            Random rng = new Random(Seeds.derive(options.seed(), "linear/random/" + len));
            ZScore stats = model.scaler();
            double[][] rTrain = randomLike(xTrain.length, stats, rng);
            double[][] rTest = randomLike(xTest.length, stats, rng);
            OlsModel randomModel = OlsModel.fit(rTrain, yTrain);
            double[] random = randomModel.predict(rTest);
            double[] bm = bm25(test, options.bm25K1(), options.bm25B(), avgdl);
            double[] bmBest = bm25(test, best.k1(), best.b(), avgdl);
            Map<Scorer, FitStats> fits = new EnumMap<>(Scorer.class);
            fits.put(Scorer.SEMANTIC_BM, FitStats.regression(semantic, yTest));
            fits.put(Scorer.RANDOM, FitStats.regression(random, yTest));
            fits.put(Scorer.BM25, FitStats.correlations(bm, yTest));
            fits.put(Scorer.BM25_BEST, FitStats.correlations(bmBest, yTest));
            List<TestRow> groupRows = new ArrayList<>();
            for (int i = 0; i < test.size(); i++) {
                Map<Scorer, Double> sc = new EnumMap<>(Scorer.class);
                sc.put(Scorer.SEMANTIC_BM, semantic[i]);
                sc.put(Scorer.RANDOM, random[i]);
                sc.put(Scorer.BM25, bm[i]);
                sc.put(Scorer.BM25_BEST, bmBest[i]);
                sc.put(Scorer.CROSS_ENCODER, yTest[i]);
                // Lucene's order as a score: rank 1 highest.
                sc.put(Scorer.FIRST_STAGE, (double) -test.get(i).pair().rank());
                groupRows.add(new TestRow(test.get(i), len, sc));
            }
            rows.addAll(groupRows);
            Map<String, Map<Scorer, Double>> perQuery = ndcgPerQuery(groupRows, qrels);
            Map<Scorer, Double> ndcg = new EnumMap<>(Scorer.class);
            for (Scorer s : Scorer.values()) {
                ndcg.put(s, perQuery.isEmpty() ? Double.NaN : perQuery.values().stream().mapToDouble(m -> m.get(s)).average().orElseThrow());
            }
            groups.add(new Group(len, xTrain[0].length, train.size(), test.size(), sp.train(), sp.test(), model.minimumNorm(),
                    fits, ndcg, perQuery.size()));
        }
        Map<Scorer, FitStats> pooled = new EnumMap<>(Scorer.class);
        double[] y = rows.stream().mapToDouble(r -> r.sample().logit()).toArray();
        for (Scorer s : Scorer.correlated()) {
            double[] v = rows.stream().mapToDouble(r -> r.scores().get(s)).toArray();
            pooled.put(s, s.predictsLogits() ? FitStats.regression(v, y) : FitStats.correlations(v, y));
        }
        return new Result(groups, skipped, avgdl, grid, best, rows, pooled);
    }

    /** nDCG@10 per judged test query (key dataset/qid) per scorer, ranking that query's candidates. */
    static Map<String, Map<Scorer, Double>> ndcgPerQuery(List<TestRow> rows, Map<String, Qrels> qrels) {
        Map<String, List<TestRow>> byData = new LinkedHashMap<>();
        for (TestRow r : rows) {
            if (qrels.containsKey(r.sample().pair().dataset())) {
                byData.computeIfAbsent(r.sample().pair().dataset(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Map<Scorer, Double>> out = new TreeMap<>();
        for (var e : byData.entrySet()) {
            Qrels q = qrels.get(e.getKey());
            for (Scorer s : Scorer.values()) {
                Run.Builder b = new Run.Builder(s.key());
                for (TestRow r : e.getValue()) {
                    b.add(r.sample().pair().qid(), r.sample().pair().docId(), r.scores().get(s));
                }
                Evaluation ev = Evaluator.evaluate(b.build(), q, List.of(NDCG10));
                for (var pq : ev.perQuery(NDCG10.name(), Averaging.RUN_AND_QRELS).entrySet()) {
                    out.computeIfAbsent(e.getKey() + "/" + pq.getKey(), k -> new EnumMap<>(Scorer.class)).put(s, pq.getValue());
                }
            }
        }
        return out;
    }

    private double[][] features(List<Sample> ss) {
        double[][] x = new double[ss.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = ss.get(i).features(idf);
        }
        return x;
    }

    private static double[] logits(List<Sample> ss) {
        return ss.stream().mapToDouble(Sample::logit).toArray();
    }

    private double[] bm25(List<Sample> ss, double k1, double b, Map<String, Double> avgdl) {
        Map<String, TokenBm25> byData = new HashMap<>();
        double[] out = new double[ss.size()];
        for (int i = 0; i < out.length; i++) {
            LinearPair p = ss.get(i).pair();
            TokenBm25 bm = byData.computeIfAbsent(p.dataset(), d -> new TokenBm25(k1, b, avgdl.get(d)));
            out[i] = bm.score(p.queryIds(), p.docIds(), bm25Idf);
        }
        return out;
    }

    /** The average document length in tokens per data set, over all its pairs (or the fixed value). */
    private Map<String, Double> averageLengths(List<Sample> samples) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (Sample s : samples) {
            double[] a = acc.computeIfAbsent(s.pair().dataset(), k -> new double[2]);
            a[0] += s.pair().encoding().lastSep() - s.pair().encoding().docStart();
            a[1]++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (var e : acc.entrySet()) {
            double v = Double.isNaN(options.avgdl()) ? e.getValue()[0] / e.getValue()[1] : options.avgdl();
            out.put(e.getKey(), v > 0 ? v : 1);
        }
        return out;
    }

    /** Rows of independent N(column mean, column sd) values (the reference's random control). */
    private static double[][] randomLike(int rows, ZScore stats, Random rng) {
        int p = stats.mean().length;
        double[][] out = new double[rows][p];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < p; j++) {
                double sd = stats.constant()[j] ? 0 : stats.sd()[j];
                out[i][j] = stats.mean()[j] + sd * rng.nextGaussian();
            }
        }
        return out;
    }

    static double median(List<Double> v) {
        return new Median().evaluate(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
