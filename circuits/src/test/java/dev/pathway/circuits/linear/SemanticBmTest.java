package dev.pathway.circuits.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.Qrels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** SemanticBM on synthetic samples: no model needed, every number known. */
class SemanticBmTest {
    private static final int VOCAB = 60;

    private static PairEncoding encoding(long[] q, long[] d) {
        int n = q.length + d.length + 3;
        long[] ids = new long[n];
        long[] types = new long[n];
        ids[0] = 101;
        System.arraycopy(q, 0, ids, 1, q.length);
        ids[q.length + 1] = 102;
        System.arraycopy(d, 0, ids, q.length + 2, d.length);
        ids[n - 1] = 102;
        for (int i = q.length + 2; i < n; i++) {
            types[i] = 1;
        }
        return new PairEncoding(ids, types, q.length + 1, 0);
    }

    private static IdfProxy proxy() {
        double[] ft1 = new double[VOCAB + 50];
        Random r = new Random(3);
        for (int i = 0; i < ft1.length; i++) {
            ft1[i] = 1 + 5 * r.nextDouble();
        }
        return new IdfProxy(ft1, -0.5, false);
    }

    /** Queries of length 2 and 3 (40 each), 10 documents each, logit exactly linear in the features. */
    private static List<Sample> samples(IdfProxy idf, double[] weights, Random r) {
        List<Sample> out = new ArrayList<>();
        for (int len : new int[] {2, 3}) {
            for (int q = 0; q < 40; q++) {
                long[] qIds = new long[len];
                for (int t = 0; t < len; t++) {
                    qIds[t] = 1 + r.nextInt(VOCAB - 1);
                }
                for (int d = 0; d < 10; d++) {
                    long[] dIds = IntStream.range(0, 5 + r.nextInt(10)).mapToLong(i -> 1 + r.nextInt(VOCAB - 1)).toArray();
                    double[][] ms = new double[len][2];
                    for (int t = 0; t < len; t++) {
                        ms[t][0] = r.nextDouble();
                        ms[t][1] = r.nextDouble() * 0.3;
                    }
                    LinearPair p = new LinearPair("syn", "q" + len + "-" + q, "d" + d, d + 1, encoding(qIds, dIds));
                    Sample probe = new Sample(p, 0, ms);
                    double[] f = probe.features(idf);
                    double y = 0.5;
                    for (int j = 0; j < f.length; j++) {
                        y += weights[j % weights.length] * f[j];
                    }
                    out.add(new Sample(p, y, ms));
                }
            }
        }
        return out;
    }

    private static SemanticBmOptions options(int minSamples, long seed) {
        return new SemanticBmOptions(minSamples, 22, 0.2, seed, 0.5, 0.9, Double.NaN, List.of(0.5, 1.2), List.of(0.4, 0.9));
    }

    @Test
    void anExactlyLinearTargetIsRecoveredOnTheTestQueries() {
        IdfProxy idf = proxy();
        List<Sample> s = samples(idf, new double[] {0.3, 2.0, 1.0, -1.5, 0.5}, new Random(5));
        double[] bmIdf = new double[VOCAB + 50];
        java.util.Arrays.fill(bmIdf, 1.0);
        SemanticBm.Result r = new SemanticBm(options(50, 13), idf, bmIdf).run(s, Map.of());
        assertEquals(2, r.groups().size());
        for (SemanticBm.Group g : r.groups()) {
            assertEquals(g.length() * 5, g.features());
            FitStats f = g.fits().get(Scorer.SEMANTIC_BM);
            assertEquals(1.0, f.pearson(), 1e-9);
            assertEquals(0.0, f.rmse(), 1e-8);
            assertEquals(1.0, f.r2(), 1e-9);
            // the random control has no such luck
            assertTrue(Math.abs(g.fits().get(Scorer.RANDOM).pearson()) < 0.6, "random r " + g.fits().get(Scorer.RANDOM).pearson());
            assertTrue(Double.isNaN(g.ndcg().get(Scorer.SEMANTIC_BM)), "no qrels, no nDCG");
        }
        assertEquals(4, r.grid().size());
    }

    @Test
    void theSplitNeverPutsAQueryInBothParts() {
        IdfProxy idf = proxy();
        List<Sample> s = samples(idf, new double[] {1, 1, 1}, new Random(9));
        SemanticBm.Result r = new SemanticBm(options(50, 21), idf, new double[VOCAB + 50]).run(s, Map.of());
        Set<String> allTest = new HashSet<>();
        for (SemanticBm.Group g : r.groups()) {
            Set<String> both = new HashSet<>(g.trainQueries());
            both.retainAll(g.testQueries());
            assertTrue(both.isEmpty(), "queries in both parts: " + both);
            assertEquals(40, g.trainQueries().size() + g.testQueries().size());
            assertEquals(8, g.testQueries().size()); // 20% of 40 queries
            assertEquals(g.testQueries().size() * 10, g.testPairs());
            allTest.addAll(g.testQueries());
        }
        for (SemanticBm.TestRow t : r.testRows()) {
            assertTrue(allTest.contains(t.sample().pair().queryKey()));
        }
        // every pair of a test query is a test row, so no pair of it trained the model
        assertEquals(allTest.size() * 10, r.testRows().size());
        // seeded: same seed same split, another seed another split
        QuerySplit a = QuerySplit.of(allKeys(s), 0.2, 1);
        assertEquals(a, QuerySplit.of(allKeys(s), 0.2, 1));
        assertNotEquals(a.test(), QuerySplit.of(allKeys(s), 0.2, 2).test());
        assertFalse(a.test().isEmpty());
    }

    private static List<String> allKeys(List<Sample> s) {
        return s.stream().map(x -> x.pair().queryKey()).distinct().toList();
    }

    @Test
    void nDcgRanksEachTestQuerysCandidatesWithTheEvalModule() {
        IdfProxy idf = proxy();
        List<Sample> s = samples(idf, new double[] {1, -1}, new Random(2));
        // Judge the first candidate of every query relevant (grade 1): the first stage (rank 1
        // scored highest) then has nDCG@10 = 1 for every judged query.
        Qrels.Builder qb = new Qrels.Builder("synthetic");
        s.stream().filter(x -> x.pair().rank() == 1).forEach(x -> qb.add(x.pair().qid(), x.pair().docId(), 1));
        SemanticBm.Result r = new SemanticBm(options(50, 13), idf, new double[VOCAB + 50]).run(s, Map.of("syn", qb.build()));
        for (SemanticBm.Group g : r.groups()) {
            assertEquals(g.testQueries().size(), g.ndcgQueries());
            assertEquals(1.0, g.ndcg().get(Scorer.FIRST_STAGE), 1e-12);
            double ce = g.ndcg().get(Scorer.CROSS_ENCODER);
            assertTrue(ce > 0 && ce <= 1, "cross-encoder nDCG " + ce);
        }
    }

    @Test
    void noGroupWithEnoughSamplesIsOneClearUserError() {
        IdfProxy idf = proxy();
        List<Sample> s = samples(idf, new double[] {1}, new Random(1));
        UserInputException e = assertThrows(UserInputException.class,
                () -> new SemanticBm(options(10_000, 13), idf, new double[VOCAB + 50]).run(s, Map.of()));
        assertEquals("no query-length group has at least --min-samples 10000 pairs (800 pairs in all); lower --min-samples or add queries",
                e.getMessage());
    }
}
