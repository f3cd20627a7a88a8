package dev.pathway.circuits.analysis;

import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.tokenize.PairEncoding;
import java.util.List;

/**
 * Analysis (a): for every head, the Pearson correlation between the attention from each query
 * token q_i to each document token d_j and the cosine similarity of their input (word) embeddings,
 * cos(E[q_i], E[d_j]) (the paper: matching heads r = 0.500, other heads 0.132). Query tokens are
 * the tokens between [CLS] and the first [SEP]; document tokens those between it and the last
 * [SEP]. Filler tokens are document tokens like any other.
 */
public final class AttentionCosine {
    private AttentionCosine() {}

    public static HeadCorrelations run(CrossEncoder model, List<PairEncoding> inputs) {
        EmbeddingCosine cos = new EmbeddingCosine(model);
        int layers = model.config().numLayers();
        int heads = model.config().numHeads();
        HeadCorrelations out = new HeadCorrelations("attention from query token to document token vs cosine similarity of their word "
                + "embeddings", layers, heads);
        try (Progress bar = ProgressBars.start("attention vs cosine", inputs.size(), "inputs")) {
            for (PairEncoding e : inputs) {
                Patterns p = Patterns.of(model, e);
                int q0 = 1;
                int q1 = e.firstSep();
                int d0 = e.docStart();
                int d1 = e.lastSep();
                int n = (q1 - q0) * (d1 - d0);
                double[] y = new double[n];
                int k = 0;
                for (int i = q0; i < q1; i++) {
                    for (int j = d0; j < d1; j++) {
                        y[k++] = cos.cosine(e.ids()[i], e.ids()[j]);
                    }
                }
                double[] x = new double[n];
                for (int l = 0; l < layers; l++) {
                    for (int h = 0; h < heads; h++) {
                        k = 0;
                        for (int i = q0; i < q1; i++) {
                            for (int j = d0; j < d1; j++) {
                                x[k++] = p.at(l, h, i, j);
                            }
                        }
                        out.add(l, h, x, y, n);
                    }
                }
                out.countInput();
                bar.step(1);
            }
        }
        return out;
    }
}
