package dev.pathway.circuits.data;

import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.editing.idf.IdfTable;

/**
 * Term IDF from a tokenizer-level IDF table (editing's {@link IdfTable}: the MS MARCO table, or
 * one counted over a corpus). A word that is one word piece gets its piece's value; a piece the
 * table does not know (never seen in the corpus) counts as the rarest.
 */
public final class TableTermIdf implements TermIdf {
    private final IdfTable table;
    private final PairTokenizer tokenizer;

    public TableTermIdf(IdfTable table, PairTokenizer tokenizer) {
        this.table = table;
        this.tokenizer = tokenizer;
    }

    public IdfTable table() {
        return table;
    }

    @Override
    public double idf(String word) {
        long[] ids = tokenizer.ids(word);
        if (ids.length != 1 || ids[0] >= table.vocabSize()) {
            return Double.NEGATIVE_INFINITY;
        }
        double v = table.get((int) ids[0]);
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
