package dev.pathway.circuits.patch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pathway.core.hooks.HookLayout;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.model.CrossEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Activation patching of many cells of one pair: each cell is one batch row of a run on B with
 * P's activation written into that cell. Cells are grouped by layer; a group's runs start at its
 * layer from B's cached residual stream, so the layers before it are not recomputed.
 */
public final class ActivationPatcher {
    private final CrossEncoder model;
    private final RowBudget budget;

    public ActivationPatcher(CrossEncoder model, RowBudget budget) {
        this.model = model;
        this.budget = budget;
    }

    /**
     * The logit s_patched of each cell, in the order given.
     *
     * @param acts B's and P's clean runs (must hold P's activations at every cell's hook)
     */
    public float[] run(PairActivations acts, List<Cell> cells) {
        float[] out = new float[cells.size()];
        Map<Integer, List<Integer>> byLayer = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> cells.get(i).layer()));
        for (int i : order) {
            byLayer.computeIfAbsent(cells.get(i).layer(), k -> new ArrayList<>()).add(i);
        }
        int maxRows = budget.rows(acts.pair().length());
        for (Map.Entry<Integer, List<Integer>> e : byLayer.entrySet()) {
            List<Integer> idx = e.getValue();
            for (int from = 0; from < idx.size(); from += maxRows) {
                List<Integer> chunk = idx.subList(from, Math.min(idx.size(), from + maxRows));
                float[] s = runChunk(acts, e.getKey(), chunk, cells);
                for (int r = 0; r < chunk.size(); r++) {
                    out[chunk.get(r)] = s[r];
                }
            }
        }
        return out;
    }

    private float[] runChunk(PairActivations acts, int layer, List<Integer> chunk, List<Cell> cells) {
        int rows = chunk.size();
        try (NDManager m = model.manager().newSubManager()) {
            NDList in = acts.baselineInputs(m, rows);
            Hooks.Builder h = Hooks.builder();
            if (layer >= 0) {
                NDArray start = acts.baseline(HookNames.layer(layer).residPre()).repeat(0, rows);
                start.attach(m);
                h.startAt(layer, start);
            }
            Map<String, Cell[]> byHook = new LinkedHashMap<>();
            for (int r = 0; r < rows; r++) {
                Cell c = cells.get(chunk.get(r));
                byHook.computeIfAbsent(c.hook(), k -> new Cell[rows])[r] = c;
            }
            for (Map.Entry<String, Cell[]> e : byHook.entrySet()) {
                NDArray source = acts.perturbed(e.getKey());
                HookLayout layout = model.hookPoints().layout(e.getKey());
                long[] shape = source.getShape().getShape().clone();
                shape[0] = rows;
                NDArray mask = RowMasks.mask(m, new Shape(shape), layout, e.getValue());
                h.patch(e.getKey(), RowMasks.where(mask, source));
            }
            return PairActivations.firstColumn(model.forward(in, h.build(), null));
        }
    }
}
