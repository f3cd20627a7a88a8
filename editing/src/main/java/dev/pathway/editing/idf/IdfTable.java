package dev.pathway.editing.idf;

import java.util.Arrays;

/**
 * One IDF value per vocabulary id of a tokenizer, or "unknown" (NaN) for ids without a
 * statistic: tokens never seen in the corpus, specials, or a table's placeholder entries. Unknown
 * is never 0: a 0 would read as "the most common token".
 *
 * @param values IDF per vocabulary id (length = vocabulary size); NaN = unknown
 * @param source where the statistic came from (a file, or "corpus NAME"), for reports and provenance
 * @param description how it was computed (formula, N), for reports and provenance
 */
public record IdfTable(double[] values, String source, String description) {

    public int vocabSize() {
        return values.length;
    }

    public boolean known(int id) {
        return !Double.isNaN(values[id]);
    }

    /** IDF of an id, NaN when unknown. */
    public double get(int id) {
        return values[id];
    }

    /** How many ids have a value. */
    public int knownCount() {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** The ids with a value, ascending. */
    public int[] knownIds() {
        int[] out = new int[knownCount()];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                out[j++] = i;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdfTable t && Arrays.equals(values, t.values) && source.equals(t.source)
                && description.equals(t.description);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + source.hashCode();
    }

    @Override
    public String toString() {
        return "IdfTable[" + source + ", " + description + ", " + knownCount() + "/" + values.length + " known]";
    }
}
