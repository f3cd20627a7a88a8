package dev.pathway.editing.edit;

import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.svd.SvdTriplets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Changes U0 of some tokens and nothing else. With W_E = Σ sigma_i u_i v_i^T, replacing u0 by u0'
 * changes W_E by (u0' - u0) sigma0 v0^T: only the rows whose U0 changed move, along v0, and
 * their coordinates on every other singular direction stay as they were.
 */
public final class U0Editor {
    private U0Editor() {}

    /** The new U0 of each token under a rule (duplicates removed, order kept). */
    public static U0Change plan(SvdTriplets svd, int[] ids, U0Rule rule) {
        Set<Integer> unique = new LinkedHashSet<>();
        for (int id : ids) {
            if (id < 0 || id >= svd.rows()) {
                throw new UserInputException("token id " + id + " is outside the vocabulary (0.." + (svd.rows() - 1) + ")");
            }
            unique.add(id);
        }
        int[] u = unique.stream().mapToInt(Integer::intValue).toArray();
        double[] before = new double[u.length];
        double[] after = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            before[i] = svd.u(0, u[i]);
            after[i] = rule.newU0(u[i], before[i]);
            if (!Double.isFinite(after[i])) {
                throw new UserInputException("rule " + rule.name() + " gives token id " + u[i] + " a non-finite U0 (" + after[i] + ")");
            }
        }
        return new U0Change(u, before, after);
    }

    /**
     * Applies a change to the model's W_E in place: W_E[t] += (u0'[t] - u0[t]) sigma0 v0 for the
     * changed tokens (computed in float64, stored as float32).
     *
     * @return the rows as they were before, so that {@link EmbeddingRows#write} can restore them
     */
    public static float[][] apply(CrossEncoder model, SvdTriplets svd, U0Change change) {
        float[][] before = EmbeddingRows.read(model, change.ids());
        float[][] after = editedRows(svd, change, before);
        EmbeddingRows.write(model, change.ids(), after);
        return before;
    }

    /** The rows after the edit, from the rows before (no model needed; used by tests as well). */
    public static float[][] editedRows(SvdTriplets svd, U0Change change, float[][] before) {
        double sigma0 = svd.sigma(0);
        double[] v0 = svd.v(0);
        float[][] after = new float[before.length][];
        for (int i = 0; i < before.length; i++) {
            double delta = (change.newU0()[i] - change.oldU0()[i]) * sigma0;
            float[] row = before[i].clone();
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (row[j] + delta * v0[j]);
            }
            after[i] = row;
        }
        return after;
    }
}
