package dev.pathway.circuits.patch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.EncodedBatch;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clean runs of one aligned pair: B and P in one forward (a batch of two rows, same length),
 * their logits s_B and s_P, and the activations patching needs from each, as [1, ...] arrays.
 * Every later run of this pair is a run on B with some of P's activations patched in.
 */
public final class PairActivations implements AutoCloseable {
    private final AlignedPair pair;
    private final NDManager manager;
    private final NDList baselineInputs;
    private final float scoreB;
    private final float scoreP;
    private final Map<String, NDArray> b = new HashMap<>();
    private final Map<String, NDArray> p = new HashMap<>();

    private PairActivations(AlignedPair pair, NDManager manager, NDList baselineInputs, float scoreB, float scoreP) {
        this.pair = pair;
        this.manager = manager;
        this.baselineInputs = baselineInputs;
        this.scoreB = scoreB;
        this.scoreP = scoreP;
    }

    /**
     * Runs B and P, caching {@code names} (every layer's resid_pre is always cached: runs start
     * from B's residual stream at the first patched layer).
     */
    public static PairActivations run(CrossEncoder model, AlignedPair pair, Collection<String> names) {
        NDManager m = model.manager().newSubManager();
        try {
            Set<String> all = new LinkedHashSet<>(names);
            for (int l = 0; l < model.config().numLayers(); l++) {
                all.add(HookNames.layer(l).residPre());
            }
            NDList both = new EncodedBatch(List.of(pair.baseline(), pair.perturbed())).toNDList(m);
            NDList bIn = new EncodedBatch(List.of(pair.baseline())).toNDList(m);
            try (ActivationCache cache = new ActivationCache(m)) {
                float[] logits = firstColumn(model.forward(both, Hooks.builder().cache(all).build(), cache));
                PairActivations acts = new PairActivations(pair, m, bIn, logits[0], logits[1]);
                for (String n : all) {
                    NDArray a = cache.get(n);
                    NDArray bb = a.get(new NDIndex("0:1"));
                    NDArray pp = a.get(new NDIndex("1:2"));
                    bb.attach(m);
                    pp.attach(m);
                    acts.b.put(n, bb);
                    acts.p.put(n, pp);
                }
                return acts;
            }
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** The first logit of each row of [batch, num_labels] logits. */
    public static float[] firstColumn(NDArray logits) {
        long labels = logits.getShape().get(1);
        return labels == 1 ? logits.toFloatArray() : logits.get(":, 0").toFloatArray();
    }

    public AlignedPair pair() {
        return pair;
    }

    public float scoreB() {
        return scoreB;
    }

    public float scoreP() {
        return scoreP;
    }

    /** s_P - s_B. */
    public float delta() {
        return scoreP - scoreB;
    }

    public NDManager manager() {
        return manager;
    }

    /** B's inputs repeated over {@code rows} batch rows: (ids, types, mask), [rows, seq]. */
    public NDList baselineInputs(NDManager m, int rows) {
        NDList out = new NDList();
        for (NDArray a : baselineInputs) {
            NDArray r = a.repeat(0, rows);
            r.attach(m);
            out.add(r);
        }
        return out;
    }

    /** B's activation at a hook, [1, ...]. */
    public NDArray baseline(String name) {
        NDArray a = b.get(name);
        if (a == null) {
            throw new IllegalStateException("baseline activation " + name + " was not cached");
        }
        return a;
    }

    /** P's activation at a hook, [1, ...]. */
    public NDArray perturbed(String name) {
        NDArray a = p.get(name);
        if (a == null) {
            throw new IllegalStateException("perturbed activation " + name + " was not cached");
        }
        return a;
    }

    @Override
    public void close() {
        manager.close();
    }
}
