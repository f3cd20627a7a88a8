package dev.pathway.editing.idf;

/**
 * Document frequencies per vocabulary id over a collection of N documents: df[id] = number of
 * documents whose tokenization contains id at least once.
 *
 * @param df document frequency per vocabulary id (0 = never seen)
 * @param documents N, the number of documents counted
 * @param source what was counted, for reports
 */
public record DocumentFrequencies(long[] df, long documents, String source) {

    /** The IDF table under a formula; ids with df = 0, and the listed excluded ids, are unknown. */
    public IdfTable idf(IdfFormula formula, int... excludedIds) {
        double[] v = new double[df.length];
        for (int i = 0; i < df.length; i++) {
            v[i] = df[i] > 0 ? formula.idf(df[i], documents) : Double.NaN;
        }
        for (int id : excludedIds) {
            if (id >= 0 && id < v.length) {
                v[id] = Double.NaN;
            }
        }
        return new IdfTable(v, source, formula.id() + " " + formula.formula() + ", N=" + documents);
    }

    /** Number of ids seen in at least one document. */
    public int seenCount() {
        int n = 0;
        for (long d : df) {
            if (d > 0) {
                n++;
            }
        }
        return n;
    }
}
