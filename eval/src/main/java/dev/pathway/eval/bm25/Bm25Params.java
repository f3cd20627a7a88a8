package dev.pathway.eval.bm25;

import dev.pathway.core.util.UserInputException;

/**
 * BM25 parameters. The defaults are Anserini's (k1 = 0.9, b = 0.4), which its BEIR baselines use.
 *
 * @param k1 term-frequency saturation, >= 0
 * @param b length normalisation, in [0, 1]
 */
public record Bm25Params(float k1, float b) {
    public static final Bm25Params ANSERINI = new Bm25Params(0.9f, 0.4f);

    public Bm25Params {
        if (!(k1 >= 0) || !Float.isFinite(k1)) {
            throw new UserInputException("BM25 k1 must be a finite number >= 0, got " + k1);
        }
        if (!(b >= 0 && b <= 1)) {
            throw new UserInputException("BM25 b must be in [0, 1], got " + b);
        }
    }

    @Override
    public String toString() {
        return "k1=" + k1 + " b=" + b;
    }
}
