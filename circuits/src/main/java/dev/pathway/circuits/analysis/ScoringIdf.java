package dev.pathway.circuits.analysis;

import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.editing.idf.IdfTable;
import java.util.List;

/**
 * Analysis (b): for every head, the Pearson correlation between the attention from [CLS] to each
 * query token and that token's IDF (editing's tokenizer-level table; tokens the table does not
 * know are left out), per input; the paper reports r = 0.67 averaged over its scoring heads.
 * Inputs with fewer than three query tokens of known IDF give no per-input r.
 */
public final class ScoringIdf {
    private ScoringIdf() {}

    public static HeadCorrelations run(CrossEncoder model, List<PairEncoding> inputs, IdfTable idf) {
        int layers = model.config().numLayers();
        int heads = model.config().numHeads();
        HeadCorrelations out = new HeadCorrelations("attention from [CLS] to each query token vs the token's IDF (" + idf.source() + ")",
                layers, heads);
        try (Progress bar = ProgressBars.start("[CLS] attention vs IDF", inputs.size(), "inputs")) {
            for (PairEncoding e : inputs) {
                Patterns p = Patterns.of(model, e);
                int q1 = e.firstSep();
                double[] y = new double[q1];
                int[] pos = new int[q1];
                int n = 0;
                for (int i = 1; i < q1; i++) {
                    int id = (int) e.ids()[i];
                    if (id < idf.vocabSize() && idf.known(id)) {
                        y[n] = idf.get(id);
                        pos[n] = i;
                        n++;
                    }
                }
                double[] x = new double[n];
                for (int l = 0; l < layers; l++) {
                    for (int h = 0; h < heads; h++) {
                        for (int k = 0; k < n; k++) {
                            x[k] = p.at(l, h, 0, pos[k]);
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
