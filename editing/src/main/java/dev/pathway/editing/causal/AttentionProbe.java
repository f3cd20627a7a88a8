package dev.pathway.editing.causal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import java.util.List;

/**
 * One forward pass that returns the scores and the [CLS] rows of attention patterns, read from
 * {@code blocks.{l}.attn.hook_pattern} ([batch, head, query_pos, key_pos]).
 */
public final class AttentionProbe {
    private AttentionProbe() {}

    /**
     * @param scores first logit per pair
     * @param clsAttention [layer index in the request][batch][head][key_pos]: attention from [CLS]
     *     (query position 0) to every key position, padded positions included (they are 0)
     */
    public record Result(float[] scores, float[][][][] clsAttention) {}

    public static Result run(CrossEncoder model, List<PairEncoding> pairs, int[] layers) {
        Hooks.Builder hb = Hooks.builder();
        for (int l : layers) {
            hb.cache(HookNames.layer(l).pattern());
        }
        Hooks hooks = hb.build();
        try (NDManager m = model.manager().newSubManager();
                ActivationCache cache = new ActivationCache(m)) {
            EncodedBatch batch = new EncodedBatch(pairs);
            NDArray logits = model.forward(batch.toNDList(m), hooks, cache);
            long labels = logits.getShape().get(1);
            float[] scores = labels == 1 ? logits.toFloatArray() : logits.get(":, 0").toFloatArray();
            int b = pairs.size();
            int heads = model.config().numHeads();
            int seq = batch.seqLen();
            float[][][][] att = new float[layers.length][b][heads][seq];
            for (int li = 0; li < layers.length; li++) {
                // [batch, head, key] of query position 0.
                float[] cls = cache.get(HookNames.layer(layers[li]).pattern()).get(":, :, 0, :").toFloatArray();
                for (int i = 0; i < b; i++) {
                    for (int h = 0; h < heads; h++) {
                        System.arraycopy(cls, (i * heads + h) * seq, att[li][i][h], 0, seq);
                    }
                }
            }
            return new Result(scores, att);
        }
    }
}
