package dev.pathway.circuits.ablate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.patch.PairActivations;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.hooks.Patch;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.tokenize.Tensors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores inputs with a set of heads ablated: each ablated head's z replaced, at every position, by
 * its reference mean for the position's class ({@link AblationMode#MEAN}) or by zeros
 * ({@link AblationMode#ZERO}). Inputs are scored in length-sorted batches; scores come back in
 * input order.
 */
public final class HeadAblation {
    private final CrossEncoder model;
    private final Map<Integer, int[]> headsByLayer;
    private final AblationMode mode;
    private final ClassMeans means;
    private final int batch;

    public HeadAblation(CrossEncoder model, List<HeadId> heads, AblationMode mode, ClassMeans means, int batch) {
        this.model = model;
        Map<Integer, List<Integer>> m = new LinkedHashMap<>();
        for (HeadId h : heads) {
            m.computeIfAbsent(h.layer(), k -> new ArrayList<>()).add(h.head());
        }
        this.headsByLayer = new LinkedHashMap<>();
        m.forEach((l, hs) -> headsByLayer.put(l, hs.stream().mapToInt(Integer::intValue).toArray()));
        this.mode = mode;
        this.means = means;
        this.batch = batch;
        if (mode == AblationMode.MEAN) {
            for (int l : headsByLayer.keySet()) {
                if (means == null || !means.has(l)) {
                    throw new IllegalArgumentException("no reference means for layer " + l);
                }
            }
        }
    }

    /** The layers that hold ablated heads. */
    public static Set<Integer> layers(List<HeadId> heads) {
        return heads.stream().map(HeadId::layer).collect(Collectors.toSet());
    }

    /** Logits with the heads ablated. */
    public float[] scores(List<PairEncoding> inputs) {
        return run(inputs, true);
    }

    /** Logits without ablation (same batching, for a fair before/after). */
    public float[] plainScores(List<PairEncoding> inputs) {
        return run(inputs, false);
    }

    private float[] run(List<PairEncoding> inputs, boolean ablate) {
        float[] out = new float[inputs.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> inputs.get(i).length()));
        for (int from = 0; from < order.size(); from += batch) {
            List<Integer> idx = order.subList(from, Math.min(order.size(), from + batch));
            List<PairEncoding> rows = idx.stream().map(inputs::get).toList();
            try (NDManager m = model.manager().newSubManager()) {
                EncodedBatch b = new EncodedBatch(rows);
                NDList in = b.toNDList(m);
                Hooks.Builder h = Hooks.builder();
                if (ablate) {
                    for (Map.Entry<Integer, int[]> e : headsByLayer.entrySet()) {
                        Shape zs = new Shape(rows.size(), b.seqLen(), model.config().numHeads(), model.config().headDim());
                        NDArray repl = mode == AblationMode.ZERO
                                ? m.zeros(zs)
                                : Tensors.owned(m, means.replacement(e.getKey(), rows, b.seqLen()), zs);
                        h.patch(HookNames.layer(e.getKey()).z(), Patch.values(repl).heads(e.getValue()));
                    }
                }
                float[] s = PairActivations.firstColumn(model.forward(in, h.build(), null));
                for (int r = 0; r < idx.size(); r++) {
                    out[idx.get(r)] = s[r];
                }
            }
        }
        return out;
    }
}
