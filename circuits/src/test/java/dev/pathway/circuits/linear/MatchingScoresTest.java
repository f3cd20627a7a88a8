package dev.pathway.circuits.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.pathway.circuits.Fixtures;
import dev.pathway.circuits.HeadId;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.editing.idf.IdfTable;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Features of hand-built pairs on the real MiniLM-L6 weights, against sums taken by hand from hook_pattern. */
class MatchingScoresTest {
    private static final List<HeadId> HEADS = List.of(new HeadId(1, 7), new HeadId(3, 4), new HeadId(1, 2));

    @Test
    void matchingScoresAreTheAttentionFromEachQueryTokenSummedOverTheDocumentTokens() {
        CrossEncoder model = Fixtures.model();
        PairEncoding a = model.tokenizer().encodePair("what is bm25", "bm25 ranks documents by term frequency", 64);
        PairEncoding b = model.tokenizer().encodePair("cats", "dogs chase cats", 64);
        List<MatchingScores.PairScores> got = new MatchingScores(model, HEADS, 8).score(List.of(a, b), Progress.NONE);
        // One by one (no padding), caching the whole pattern, summing by hand.
        for (int i = 0; i < 2; i++) {
            PairEncoding e = i == 0 ? a : b;
            int n = e.length();
            try (NDManager m = model.manager().newSubManager(); ActivationCache cache = new ActivationCache(m)) {
                Hooks hooks = Hooks.builder().cache(HookNames.layer(1).pattern(), HookNames.layer(3).pattern()).build();
                float logit = dev.pathway.circuits.patch.PairActivations.firstColumn(
                        model.forward(new EncodedBatch(List.of(e)).toNDList(m), hooks, cache))[0];
                assertEquals(logit, got.get(i).logit(), 1e-5);
                assertEquals(e.queryLength(), got.get(i).ms().length);
                for (int k = 0; k < HEADS.size(); k++) {
                    HeadId h = HEADS.get(k);
                    float[] p = cache.get(HookNames.layer(h.layer()).pattern()).toFloatArray(); // [1, head, q, k]
                    for (int t = 1; t <= e.queryLength(); t++) {
                        double sum = 0;
                        double sepMass;
                        for (int key = e.firstSep() + 1; key < n - 1; key++) {
                            sum += p[(h.head() * n + t) * n + key];
                        }
                        sepMass = p[(h.head() * n + t) * n + (n - 1)];
                        assertEquals(sum, got.get(i).ms()[t - 1][k], 1e-5, "pair " + i + " head " + h + " token " + t);
                        // The final [SEP] is not a document token: leaving it out must matter here.
                        assertTrue(sepMass > 0);
                    }
                }
            }
        }
        // "cats" (1 query token) against the 6 document tokens of pair a would be another number:
        // batching pads pair b; the span comes from each pair's own encoding.
        assertEquals(1, b.queryLength());
    }

    @Test
    void featuresAreIdfThenScoreAndProductPerHeadForEveryQueryToken() {
        double[] u0 = new double[8];
        double[] idfValues = new double[8];
        Arrays.fill(idfValues, Double.NaN);
        for (int i = 0; i < 8; i++) {
            u0[i] = i % 2 == 0 ? -0.1 * i : 0.05 * i;
        }
        idfValues[2] = 3.0;
        idfValues[3] = 1.0;
        idfValues[5] = 7.0;
        IdfProxy proxy = IdfProxy.of(u0, new IdfTable(idfValues, "hand", "hand"), false, -1);
        // By hand: mean/sd (n - 1) of U0 and of IDF with unknown = 0.
        double mu = Arrays.stream(u0).average().orElseThrow();
        double su = Math.sqrt(Arrays.stream(u0).map(x -> (x - mu) * (x - mu)).sum() / 7);
        double[] z = {0, 0, 3, 1, 0, 7, 0, 0};
        double mi = 11.0 / 8;
        double si = Math.sqrt(Arrays.stream(z).map(x -> (x - mi) * (x - mi)).sum() / 7);
        for (int i = 0; i < 8; i++) {
            assertEquals(-((u0[i] - mu) / su * si + mi), proxy.at(i), 1e-12);
        }
        // -ft1 has the IDF table's mean and sd over the vocabulary
        double[] neg = Arrays.stream(proxy.ft1()).map(x -> -x).toArray();
        assertEquals(mi, Arrays.stream(neg).average().orElseThrow(), 1e-12);

        long[] ids = {101, 2, 5, 102, 3, 102};
        PairEncoding e = new PairEncoding(ids, new long[6], 3, 0);
        double[][] ms = {{0.1, 0.2}, {0.3, 0.4}};
        double[] f = new Sample(new LinearPair("x", "q", "d", 1, e), 0, ms).features(proxy);
        double f2 = proxy.at(2);
        double f5 = proxy.at(5);
        assertArrayEquals(new double[] {f2, 0.1, f2 * 0.1, 0.2, f2 * 0.2, f5, 0.3, f5 * 0.3, 0.4, f5 * 0.4}, f, 1e-15);
        assertEquals(List.of("t1:idf", "t1:ms[7.9]", "t1:idf*ms[7.9]", "t2:idf", "t2:ms[7.9]", "t2:idf*ms[7.9]"),
                Sample.featureNames(2, List.of("7.9")));
    }
}
