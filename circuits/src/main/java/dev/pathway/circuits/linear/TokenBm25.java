package dev.pathway.circuits.linear;

import dev.pathway.core.util.UserInputException;

/**
 * BM25 over WordPiece ids, as the paper's baseline: for every query token (a token that occurs
 * twice in the query counts twice), tf = occurrences of its id among the document's tokens, and
 * the term score idf x tf x (k1 + 1) / (tf + k1 x (1 - b + b x dl / avgdl)), summed; dl = the
 * document's token count. A token without a known IDF (NaN) contributes 0, as in the reference
 * notebook.
 *
 * @param k1 term-frequency saturation, >= 0
 * @param b length normalisation, in [0, 1]
 * @param avgdl average document length in tokens, > 0
 */
public record TokenBm25(double k1, double b, double avgdl) {
    /** The reference code's hard-coded average length (MS MARCO passages in BERT tokens). */
    public static final double PAPER_AVGDL = 84.32;

    public TokenBm25 {
        if (!(k1 >= 0) || !Double.isFinite(k1)) {
            throw new UserInputException("token BM25 k1 must be a finite number >= 0, got " + k1);
        }
        if (!(b >= 0 && b <= 1)) {
            throw new UserInputException("token BM25 b must be in [0, 1], got " + b);
        }
        if (!(avgdl > 0) || !Double.isFinite(avgdl)) {
            throw new UserInputException("token BM25 average document length must be > 0, got " + avgdl);
        }
    }

    /**
     * @param query query token ids
     * @param doc document token ids
     * @param idf IDF per vocabulary id, NaN = unknown
     */
    public double score(long[] query, long[] doc, double[] idf) {
        double norm = k1 * (1 - b + b * doc.length / avgdl);
        double s = 0;
        for (long q : query) {
            double w = idf[(int) q];
            if (Double.isNaN(w)) {
                continue;
            }
            int tf = 0;
            for (long d : doc) {
                if (d == q) {
                    tf++;
                }
            }
            if (tf > 0) {
                s += w * tf * (k1 + 1) / (tf + norm);
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "k1=" + k1 + " b=" + b + " avgdl=" + avgdl;
    }
}
