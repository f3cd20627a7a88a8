package dev.pathway.circuits.path;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pathway.circuits.patch.PairActivations;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.hooks.Patch;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.circuits.patch.NdBooleans;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Path patching (the paper's appendix C, after Wang et al.): how much of P's signal a sender
 * passes directly to the logits, or directly into receiver heads' q, k or v inputs.
 *
 * <p><b>Sender to logits.</b> A run on B in which every head's z is frozen to B's value except
 * the sender's, which takes P's (for an MLP sender, its {@code mlp_out} takes P's; for the
 * embeddings, the residual stream entering layer 0 does). MLPs and LayerNorms are recomputed,
 * so the sender acts through the residual stream and the MLPs only.
 *
 * <p><b>Sender to receivers.</b> Step 1: the run above, stopped after the last receiver layer,
 * caching the receivers' q/k/v. Step 2: a run on B in which only the receivers' inputs take those
 * values (all positions); everything downstream is recomputed. The effect is m on the logit.
 *
 * <p><b>Batching and prefix reuse.</b> {@link #toLogits} and {@link #toReceivers} put one sender
 * per batch row, grouped by layer. A group's run starts at the sender's layer from B's cached
 * residual stream (nothing before the sender differs from B). Freezing every head's z of a later
 * layer is the same as freezing that layer's {@code attn_out} (= W_O z + b_O), so later layers
 * patch {@code attn_out} whole and the forward skips their attention altogether; the sender's own
 * layer patches z whole (B's heads and the sender's P head), which skips its q, k, v and pattern.
 * {@link #toLogitsOneAtATime} and {@link #toReceiversOneAtATime} run the literal algorithm (one
 * sender per forward from the embeddings, z frozen in every layer) as the reference.
 */
public final class PathPatcher {
    private final CrossEncoder model;
    private final RowBudget budget;
    private final int layers;

    public PathPatcher(CrossEncoder model, RowBudget budget) {
        this.model = model;
        this.budget = budget;
        this.layers = model.config().numLayers();
    }

    /** The activations both clean runs must cache for these senders. */
    public static Set<String> hooksNeeded(int layers, List<Sender> senders) {
        Set<String> out = new LinkedHashSet<>();
        for (int l = 0; l < layers; l++) {
            HookNames.Layer n = HookNames.layer(l);
            out.add(n.z());
            out.add(n.attnOut());
        }
        for (Sender s : senders) {
            if (s.kind() == Sender.Kind.MLP) {
                out.add(HookNames.layer(s.layer()).mlpOut());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- batched

    /** s_patched of each sender (sender to logits), in the order given. */
    public float[] toLogits(PairActivations acts, List<Sender> senders) {
        float[] out = new float[senders.size()];
        forEachChunk(acts, senders, (layer, chunk) -> {
            try (NDManager m = model.manager().newSubManager()) {
                Hooks.Builder h = senderRun(m, acts, layer, senders, chunk, layers);
                float[] s = PairActivations.firstColumn(model.forward(acts.baselineInputs(m, chunk.size()), h.build(), null));
                for (int r = 0; r < chunk.size(); r++) {
                    out[chunk.get(r)] = s[r];
                }
            }
        });
        return out;
    }

    /** s_patched of each sender (sender to receivers); NaN where the sender cannot reach a receiver. */
    public float[] toReceivers(PairActivations acts, List<Sender> senders, Receiver receiver) {
        float[] out = new float[senders.size()];
        java.util.Arrays.fill(out, Float.NaN);
        List<Integer> reachable = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            if (receiver.reachable(senders.get(i))) {
                reachable.add(i);
            }
        }
        List<Sender> rs = reachable.stream().map(senders::get).toList();
        forEachChunk(acts, rs, (layer, chunk) -> {
            int rows = chunk.size();
            try (NDManager m = model.manager().newSubManager();
                    ActivationCache step1 = new ActivationCache(m)) {
                // Step 1: the sender's direct effect on the receivers' inputs.
                int entry = rs.get(chunk.get(0)).entryLayer();
                Hooks.Builder h1 = senderRun(m, acts, layer, rs, chunk, receiver.maxLayer() + 1);
                List<String> cached = new ArrayList<>();
                for (int l = Math.max(entry, receiver.minLayer()); l <= receiver.maxLayer(); l++) {
                    if (receiver.headsIn(l).length > 0) {
                        for (String input : receiver.inputs()) {
                            cached.add(inputHook(l, input));
                        }
                    }
                }
                h1.cache(cached).stopBefore(receiver.maxLayer() + 1);
                model.forward(acts.baselineInputs(m, rows), h1.build(), step1);
                // Step 2: B with only the receivers' inputs replaced.
                int start = receiver.minLayer();
                NDArray resid = acts.baseline(HookNames.layer(start).residPre()).repeat(0, rows);
                resid.attach(m);
                Hooks.Builder h2 = Hooks.builder().startAt(start, resid);
                for (String name : cached) {
                    int l = model.hookPoints().layerOf(name);
                    h2.patch(name, Patch.values(step1.get(name)).heads(receiver.headsIn(l)));
                }
                float[] s = PairActivations.firstColumn(model.forward(acts.baselineInputs(m, rows), h2.build(), null));
                for (int r = 0; r < rows; r++) {
                    out[reachable.get(chunk.get(r))] = s[r];
                }
            }
        });
        return out;
    }

    /**
     * The hooks of a run on B, one sender per row (all of layer {@code layer}), with every other
     * head frozen to B, from the sender's layer up to (not including) {@code untilLayer}.
     */
    private Hooks.Builder senderRun(NDManager m, PairActivations acts, int layer, List<Sender> senders, List<Integer> chunk, int untilLayer) {
        int rows = chunk.size();
        HookNames.Layer n = HookNames.layer(layer);
        NDArray residB = acts.baseline(n.residPre());
        boolean[] embedRows = new boolean[rows];
        boolean[] mlpRows = new boolean[rows];
        boolean[] headMask = new boolean[rows * model.config().numHeads()];
        boolean anyEmbed = false;
        boolean anyMlp = false;
        boolean anyHead = false;
        for (int r = 0; r < rows; r++) {
            Sender s = senders.get(chunk.get(r));
            switch (s.kind()) {
                case EMBED -> {
                    embedRows[r] = true;
                    anyEmbed = true;
                }
                case MLP -> {
                    mlpRows[r] = true;
                    anyMlp = true;
                }
                case HEAD -> {
                    headMask[r * model.config().numHeads() + s.head()] = true;
                    anyHead = true;
                }
            }
        }
        Shape rs = shapeRows(residB, rows);
        NDArray start = anyEmbed
                ? NDArrays.where(rowMask(m, embedRows, 3).broadcast(rs), acts.perturbed(n.residPre()).broadcast(rs), residB.broadcast(rs))
                : residB.repeat(0, rows);
        start.attach(m);
        Hooks.Builder h = Hooks.builder().startAt(layer, start);
        if (anyHead) {
            NDArray zB = acts.baseline(n.z());
            Shape zs = shapeRows(zB, rows);
            NDArray mask = NdBooleans.owned(m, headMask, new Shape(rows, 1, model.config().numHeads(), 1));
            NDArray z = NDArrays.where(mask.broadcast(zs), acts.perturbed(n.z()).broadcast(zs), zB.broadcast(zs));
            z.attach(m);
            h.patch(n.z(), Patch.values(z));
        } else {
            h.patch(n.attnOut(), Patch.values(acts.baseline(n.attnOut())));
        }
        if (anyMlp) {
            NDArray pMlp = acts.perturbed(n.mlpOut());
            NDArray rm = rowMask(m, mlpRows, 3);
            h.patch(n.mlpOut(), Patch.function((act, name, lay) -> {
                Shape as = act.getShape();
                return NDArrays.where(rm.broadcast(as), pMlp.broadcast(as), act);
            }));
        }
        for (int l = layer + 1; l < Math.min(untilLayer, layers); l++) {
            h.patch(HookNames.layer(l).attnOut(), Patch.values(acts.baseline(HookNames.layer(l).attnOut())));
        }
        return h;
    }

    private static Shape shapeRows(NDArray a, int rows) {
        long[] s = a.getShape().getShape().clone();
        s[0] = rows;
        return new Shape(s);
    }

    /** A [rows, 1, ..., 1] boolean mask with {@code dims} axes. */
    private static NDArray rowMask(NDManager m, boolean[] rows, int dims) {
        long[] s = new long[dims];
        java.util.Arrays.fill(s, 1);
        s[0] = rows.length;
        return NdBooleans.owned(m, rows, new Shape(s));
    }

    static String inputHook(int layer, String input) {
        HookNames.Layer n = HookNames.layer(layer);
        return switch (input) {
            case "q" -> n.q();
            case "k" -> n.k();
            case "v" -> n.v();
            default -> throw new IllegalArgumentException(input);
        };
    }

    private interface ChunkRun {
        void run(int layer, List<Integer> chunk);
    }

    /**
     * Groups senders by the first layer they reach (the embeddings reach layer 0, a layer-l head
     * or MLP reaches l + 1) and splits each group by the row budget; a group's runs start at its
     * senders' layer.
     */
    private void forEachChunk(PairActivations acts, List<Sender> senders, ChunkRun run) {
        Map<Integer, List<Integer>> byEntry = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> senders.get(i).entryLayer()));
        for (int i : order) {
            byEntry.computeIfAbsent(senders.get(i).entryLayer(), k -> new ArrayList<>()).add(i);
        }
        int maxRows = budget.rows(acts.pair().length());
        for (List<Integer> idx : byEntry.values()) {
            int layer = senders.get(idx.get(0)).layer();
            for (int from = 0; from < idx.size(); from += maxRows) {
                run.run(layer, idx.subList(from, Math.min(idx.size(), from + maxRows)));
            }
        }
    }

    // ---------------------------------------------------------------- reference

    /** Sender to logits, literally: one forward per sender from the embeddings, z frozen in every layer. */
    public float[] toLogitsOneAtATime(PairActivations acts, List<Sender> senders) {
        float[] out = new float[senders.size()];
        for (int i = 0; i < senders.size(); i++) {
            try (NDManager m = model.manager().newSubManager()) {
                out[i] = PairActivations.firstColumn(
                        model.forward(acts.baselineInputs(m, 1), literal(m, acts, senders.get(i)).build(), null))[0];
            }
        }
        return out;
    }

    /** Sender to receivers, literally, one sender at a time. */
    public float[] toReceiversOneAtATime(PairActivations acts, List<Sender> senders, Receiver receiver) {
        float[] out = new float[senders.size()];
        for (int i = 0; i < senders.size(); i++) {
            Sender s = senders.get(i);
            if (!receiver.reachable(s)) {
                out[i] = Float.NaN;
                continue;
            }
            try (NDManager m = model.manager().newSubManager();
                    ActivationCache step1 = new ActivationCache(m)) {
                List<String> cached = new ArrayList<>();
                for (int l = Math.max(s.entryLayer(), receiver.minLayer()); l <= receiver.maxLayer(); l++) {
                    if (receiver.headsIn(l).length > 0) {
                        for (String input : receiver.inputs()) {
                            cached.add(inputHook(l, input));
                        }
                    }
                }
                model.forward(acts.baselineInputs(m, 1), literal(m, acts, s).cache(cached).build(), step1);
                Hooks.Builder h2 = Hooks.builder();
                for (String name : cached) {
                    h2.patch(name, Patch.values(step1.get(name)).heads(receiver.headsIn(model.hookPoints().layerOf(name))));
                }
                out[i] = PairActivations.firstColumn(model.forward(acts.baselineInputs(m, 1), h2.build(), null))[0];
            }
        }
        return out;
    }

    private Hooks.Builder literal(NDManager m, PairActivations acts, Sender s) {
        Hooks.Builder h = Hooks.builder();
        for (int l = 0; l < layers; l++) {
            HookNames.Layer n = HookNames.layer(l);
            NDArray z = acts.baseline(n.z());
            if (s.kind() == Sender.Kind.HEAD && l == s.layer()) {
                h.patch(n.z(), Patch.values(z));
                h.patch(n.z(), Patch.values(acts.perturbed(n.z())).heads(s.head()));
            } else {
                h.patch(n.z(), Patch.values(z));
            }
        }
        if (s.kind() == Sender.Kind.MLP) {
            h.patch(HookNames.layer(s.layer()).mlpOut(), Patch.values(acts.perturbed(HookNames.layer(s.layer()).mlpOut())));
        } else if (s.kind() == Sender.Kind.EMBED) {
            h.patch(HookNames.layer(0).residPre(), Patch.values(acts.perturbed(HookNames.layer(0).residPre())));
        }
        return h;
    }
}
