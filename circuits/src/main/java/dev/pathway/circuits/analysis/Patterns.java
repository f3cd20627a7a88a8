package dev.pathway.circuits.analysis;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.pathway.circuits.patch.PairActivations;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import java.util.ArrayList;
import java.util.List;

/** Every layer's attention pattern of one input, and its logit. */
record Patterns(float[][] byLayer, int length, float logit) {

    /** pattern[layer][head, query, key] flattened: the attention from query to key. */
    float at(int layer, int head, int query, int key) {
        return byLayer[layer][(head * length + query) * length + key];
    }

    static Patterns of(CrossEncoder model, PairEncoding e) {
        int layers = model.config().numLayers();
        List<String> names = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            names.add(HookNames.layer(l).pattern());
        }
        try (NDManager m = model.manager().newSubManager(); ActivationCache cache = new ActivationCache(m)) {
            NDList in = new EncodedBatch(List.of(e)).toNDList(m);
            float logit = PairActivations.firstColumn(model.forward(in, Hooks.builder().cache(names).build(), cache))[0];
            float[][] out = new float[layers][];
            for (int l = 0; l < layers; l++) {
                out[l] = cache.get(names.get(l)).toFloatArray();
            }
            return new Patterns(out, e.length(), logit);
        }
    }
}
