package dev.pathway.circuits.align;

import dev.pathway.core.tokenize.PairEncoding;

/** The five position classes of a {@code [CLS] q [SEP] d [SEP]} input (mean ablation averages within each). */
public enum PositionClass {
    CLS, QUERY, SEP1, DOC, SEP2;

    /** The class of every position of an encoding. */
    public static PositionClass[] of(PairEncoding e) {
        PositionClass[] out = new PositionClass[e.length()];
        for (int i = 0; i < out.length; i++) {
            if (i == 0) {
                out[i] = CLS;
            } else if (i < e.firstSep()) {
                out[i] = QUERY;
            } else if (i == e.firstSep()) {
                out[i] = SEP1;
            } else if (i == e.lastSep()) {
                out[i] = SEP2;
            } else {
                out[i] = DOC;
            }
        }
        return out;
    }
}
