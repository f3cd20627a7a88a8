package dev.pathway.circuits.linear;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.pathway.circuits.HeadId;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.hooks.Patch;
import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.tokenize.Tensors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Matching Score of each matching head for every query token, and the logit, in one forward
 * pass per batch.
 *
 * <p>Matching Score of head h for the query token at position t: the head's attention from t
 * summed over the <b>document tokens</b>, positions {@code firstSep + 1 .. lastSep - 1} of the very
 * input the attention was computed on ({@code hook_pattern} [batch, head, query_pos, key_pos]).
 * Neither [SEP] is included: the final [SEP] is not a document token (the paper's definition: "the
 * sum of attention values from q_i to all document tokens"), and [SEP] is where BERT heads park
 * attention they do not use, so including it would add a "no match" mass to a "match" signal. The
 * reference code summed from its first [SEP] to the end, final [SEP] included, and took the [SEP]
 * position from the uncut input while the attention came from the input cut to 5 query tokens
 * (method notes §10.3 #8, the "span bug"); here the span always comes from the encoding that was
 * run, so no such offset can arise.
 *
 * <p>The sums are taken inside the forward pass by a hook that reads the pattern and returns it
 * unchanged, so only [batch, head, query] numbers leave the model, never whole patterns.
 */
public final class MatchingScores {
    /** Scores of one pair: the logit and {@code ms[t][k]} for query token t (0-based) and head k. */
    public record PairScores(double logit, double[][] ms) {}

    private final CrossEncoder model;
    private final List<HeadId> heads;
    /** Positions in {@code heads} by layer, in layer order. */
    private final Map<Integer, List<Integer>> byLayer = new TreeMap<>();
    private final int batchSize;

    public MatchingScores(CrossEncoder model, List<HeadId> heads, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1");
        }
        heads.forEach(h -> h.checked(model.config()));
        this.model = model;
        this.heads = List.copyOf(heads);
        this.batchSize = batchSize;
        for (int k = 0; k < this.heads.size(); k++) {
            byLayer.computeIfAbsent(this.heads.get(k).layer(), l -> new ArrayList<>()).add(k);
        }
    }

    /** Scores in input order; batches of similar length (longest first), as core's scorer. */
    public List<PairScores> score(List<PairEncoding> pairs, Progress progress) {
        int[] order = BatchScorer.order(pairs);
        PairScores[] out = new PairScores[pairs.size()];
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            List<PairEncoding> batch = new ArrayList<>();
            for (int i = start; i < end; i++) {
                batch.add(pairs.get(order[i]));
            }
            List<PairScores> s = scoreBatch(batch);
            for (int i = start; i < end; i++) {
                out[order[i]] = s.get(i - start);
            }
            progress.step(end - start);
        }
        return List.of(out);
    }

    /** One forward of a batch. */
    public List<PairScores> scoreBatch(List<PairEncoding> batch) {
        int b = batch.size();
        int len = batch.stream().mapToInt(PairEncoding::length).max().orElseThrow();
        int qmax = batch.stream().mapToInt(PairEncoding::queryLength).max().orElseThrow();
        float[] mask = new float[b * len];
        for (int r = 0; r < b; r++) {
            PairEncoding e = batch.get(r);
            for (int p = e.docStart(); p < e.lastSep(); p++) {
                mask[r * len + p] = 1f;
            }
        }
        int nh = model.config().numHeads();
        Map<Integer, float[]> sums = new LinkedHashMap<>();
        double[][][] ms = new double[b][][];
        float[] logits;
        try (NDManager m = model.manager().newSubManager(); ActivationCache cache = new ActivationCache(m)) {
            NDArray docMask = Tensors.owned(m, mask, new Shape(b, 1, 1, len));
            Hooks.Builder hooks = Hooks.builder();
            for (int layer : byLayer.keySet()) {
                hooks.patch(HookNames.layer(layer).pattern(), Patch.function((act, name, layout) -> {
                    // act [batch, head, query_pos, key_pos]; keep query rows 1..qmax, sum the doc keys.
                    try (NDManager scratch = act.getManager().newSubManager()) {
                        NDArray rows = act.get(new NDIndex(":, :, 1:{}, :", qmax + 1));
                        NDArray summed = rows.mul(docMask).sum(new int[] {3});
                        summed.attach(scratch);
                        rows.attach(scratch);
                        sums.put(layer, summed.toFloatArray());
                    }
                    return act;
                }));
            }
            NDList in = new EncodedBatch(batch).toNDList(m);
            NDArray out = model.forward(in, hooks.build(), cache);
            logits = dev.pathway.circuits.patch.PairActivations.firstColumn(out);
        }
        for (int r = 0; r < b; r++) {
            int q = batch.get(r).queryLength();
            double[][] row = new double[q][heads.size()];
            for (Map.Entry<Integer, List<Integer>> e : byLayer.entrySet()) {
                float[] s = sums.get(e.getKey());
                for (int k : e.getValue()) {
                    int h = heads.get(k).head();
                    for (int t = 0; t < q; t++) {
                        // summed is [batch, head, qmax]
                        row[t][k] = s[(r * nh + h) * qmax + t];
                    }
                }
            }
            ms[r] = row;
        }
        List<PairScores> out = new ArrayList<>(b);
        for (int r = 0; r < b; r++) {
            out.add(new PairScores(logits[r], ms[r]));
        }
        return out;
    }
}
