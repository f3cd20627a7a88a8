package dev.pathway.circuits.ablate;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.pathway.circuits.align.PositionClass;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each head's mean output z over a reference set of inputs, separately for each
 * {@link PositionClass} (CLS, query, first SEP, document, last SEP): the mean over every position
 * of that class in every reference input (so long documents weigh by their length).
 */
public final class ClassMeans {
    private final int heads;
    private final int dHead;
    /** [layer] -> [class][head][d_head] flattened, or null for layers not computed. */
    private final float[][] means;
    private final int inputs;

    private ClassMeans(int heads, int dHead, float[][] means, int inputs) {
        this.heads = heads;
        this.dHead = dHead;
        this.means = means;
        this.inputs = inputs;
    }

    public static ClassMeans compute(CrossEncoder model, List<PairEncoding> reference, Set<Integer> layers) {
        if (reference.isEmpty()) {
            throw new UserInputException("mean ablation needs at least one reference input");
        }
        int h = model.config().numHeads();
        int dh = model.config().headDim();
        int nc = PositionClass.values().length;
        int numLayers = model.config().numLayers();
        double[][] sums = new double[numLayers][];
        long[][] counts = new long[numLayers][nc];
        List<String> names = new ArrayList<>();
        for (int l : new TreeSet<>(layers)) {
            sums[l] = new double[nc * h * dh];
            names.add(HookNames.layer(l).z());
        }
        try (Progress bar = ProgressBars.start("mean z (reference)", reference.size(), "inputs")) {
            for (PairEncoding e : reference) {
                try (NDManager m = model.manager().newSubManager(); ActivationCache cache = new ActivationCache(m)) {
                    NDList in = new EncodedBatch(List.of(e)).toNDList(m);
                    model.forward(in, Hooks.builder().cache(names).stopBefore(1 + layers.stream().mapToInt(i -> i).max().orElse(0)).build(),
                            cache);
                    PositionClass[] cls = PositionClass.of(e);
                    for (int l : layers) {
                        float[] z = cache.get(HookNames.layer(l).z()).toFloatArray(); // [1, pos, head, d_head]
                        for (int p = 0; p < cls.length; p++) {
                            int c = cls[p].ordinal();
                            counts[l][c]++;
                            int src = p * h * dh;
                            int dst = c * h * dh;
                            for (int k = 0; k < h * dh; k++) {
                                sums[l][dst + k] += z[src + k];
                            }
                        }
                    }
                }
                bar.step(1);
            }
        }
        float[][] means = new float[numLayers][];
        for (int l : layers) {
            means[l] = new float[nc * h * dh];
            for (int c = 0; c < nc; c++) {
                for (int k = 0; k < h * dh; k++) {
                    means[l][c * h * dh + k] = (float) (sums[l][c * h * dh + k] / Math.max(1, counts[l][c]));
                }
            }
        }
        return new ClassMeans(h, dh, means, reference.size());
    }

    /** The mean z of one head for one class in one layer: [d_head]. */
    public float[] mean(int layer, PositionClass c, int head) {
        float[] out = new float[dHead];
        System.arraycopy(means[layer], (c.ordinal() * heads + head) * dHead, out, 0, dHead);
        return out;
    }

    public boolean has(int layer) {
        return layer < means.length && means[layer] != null;
    }

    public int inputs() {
        return inputs;
    }

    /**
     * The replacement of one layer's z for a batch: [rows, seq, head, d_head] with each position's
     * class mean (padding positions take the document mean; they never reach real positions).
     */
    float[] replacement(int layer, List<PairEncoding> rows, int seq) {
        float[] out = new float[rows.size() * seq * heads * dHead];
        int per = heads * dHead;
        for (int r = 0; r < rows.size(); r++) {
            PositionClass[] cls = PositionClass.of(rows.get(r));
            for (int p = 0; p < seq; p++) {
                PositionClass c = p < cls.length ? cls[p] : PositionClass.DOC;
                System.arraycopy(means[layer], c.ordinal() * per, out, (r * seq + p) * per, per);
            }
        }
        return out;
    }
}
