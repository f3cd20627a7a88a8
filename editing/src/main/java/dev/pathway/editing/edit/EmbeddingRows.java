package dev.pathway.editing.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.Tensors;
import dev.pathway.editing.svd.EmbeddingSvd;

/**
 * Reads and writes rows of the word-embedding matrix W_E in place. Only the named rows are
 * written; every other value keeps its exact bits. Few rows go one by one; many rows go through
 * one copy of the whole matrix (cheaper than thousands of native calls).
 */
public final class EmbeddingRows {
    private static final int BULK_THRESHOLD = 256;

    private EmbeddingRows() {}

    public static NDArray matrix(CrossEncoder model) {
        return model.parameters().get(EmbeddingSvd.WORD_EMBEDDINGS).getArray();
    }

    /** Rows of W_E as floats, [ids.length][d]. */
    public static float[][] read(CrossEncoder model, int[] ids) {
        NDArray w = matrix(model);
        float[][] out = new float[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            try (NDArray row = w.get(new NDIndex(ids[i]))) {
                out[i] = row.toFloatArray();
            }
        }
        return out;
    }

    /** Writes rows of W_E in place. */
    public static void write(CrossEncoder model, int[] ids, float[][] rows) {
        NDArray w = matrix(model);
        int d = (int) w.getShape().get(1);
        if (ids.length > BULK_THRESHOLD) {
            float[] all = w.toFloatArray();
            for (int i = 0; i < ids.length; i++) {
                System.arraycopy(rows[i], 0, all, ids[i] * d, d);
            }
            // Indexed assignment of the whole matrix (copyTo would do the same but makes PyTorch
            // print a deprecation warning on the terminal).
            try (NDManager m = model.manager().newSubManager()) {
                w.set(new NDIndex(":"), Tensors.owned(m, all, w.getShape()));
            }
            return;
        }
        try (NDManager m = model.manager().newSubManager()) {
            for (int i = 0; i < ids.length; i++) {
                NDArray row = Tensors.owned(m, rows[i], new Shape(d));
                w.set(new NDIndex(ids[i]), row);
            }
        }
    }
}
