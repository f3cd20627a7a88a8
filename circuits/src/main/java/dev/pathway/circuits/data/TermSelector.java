package dev.pathway.circuits.data;

import dev.pathway.core.tokenize.PairTokenizer;
import java.util.LinkedHashSet;

/**
 * Chooses the query term to perturb: the query word with the highest IDF that the tokenizer keeps
 * as one word piece (so "the term" is one token wherever it appears). Ties go to the earlier word.
 */
public final class TermSelector {
    private final PairTokenizer tokenizer;
    private final TermIdf idf;

    public TermSelector(PairTokenizer tokenizer, TermIdf idf) {
        this.tokenizer = tokenizer;
        this.idf = idf;
    }

    /** The selected word, or null when no word of the query is a single word piece. */
    public String select(String query) {
        String best = null;
        double bestIdf = Double.NEGATIVE_INFINITY;
        for (String w : new LinkedHashSet<>(Words.words(query))) {
            if (!singlePiece(w)) {
                continue;
            }
            double v = idf.idf(w);
            if (v > bestIdf) {
                bestIdf = v;
                best = w;
            }
        }
        return best;
    }

    /** Whether the tokenizer keeps the word as one known piece. */
    public boolean singlePiece(String word) {
        long[] ids = tokenizer.ids(word);
        return ids.length == 1 && ids[0] != tokenizer.unkId();
    }
}
