package dev.pathway.circuits.analysis;

import dev.pathway.core.model.CrossEncoder;

/** Cosine similarity of two tokens' input (word) embeddings, from unit-normalised rows of W_E. */
final class EmbeddingCosine {
    private final float[] unit;
    private final int dim;

    EmbeddingCosine(CrossEncoder model) {
        float[] we = model.block().wordEmbeddings().getArray().toFloatArray();
        this.dim = model.config().hiddenSize();
        this.unit = new float[we.length];
        for (int i = 0; i < we.length / dim; i++) {
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                norm += (double) we[i * dim + j] * we[i * dim + j];
            }
            double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int j = 0; j < dim; j++) {
                unit[i * dim + j] = (float) (we[i * dim + j] * inv);
            }
        }
    }

    double cosine(long a, long b) {
        double s = 0;
        int ia = (int) a * dim;
        int ib = (int) b * dim;
        for (int j = 0; j < dim; j++) {
            s += (double) unit[ia + j] * unit[ib + j];
        }
        return s;
    }
}
