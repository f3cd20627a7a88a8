package dev.pathway.circuits.linear;

/**
 * A pair with what the model computed on it.
 *
 * @param pair the pair
 * @param logit the cross-encoder's logit
 * @param ms Matching Score {@code ms[t][k]} of query token t (0-based) for matching head k
 */
public record Sample(LinearPair pair, double logit, double[][] ms) {

    /**
     * The SemanticBM features: per query token t, in order, {@code ft1}, then for each matching head
     * k its Matching Score {@code ms[t][k]} and the product {@code ft1 x ms[t][k]}; (1 + 2H) x L
     * features for H heads and L query tokens.
     */
    public double[] features(IdfProxy idf) {
        long[] q = pair.queryIds();
        int h = ms.length == 0 ? 0 : ms[0].length;
        double[] out = new double[q.length * (1 + 2 * h)];
        int j = 0;
        for (int t = 0; t < q.length; t++) {
            double ft1 = idf.at(q[t]);
            out[j++] = ft1;
            for (int k = 0; k < h; k++) {
                out[j++] = ms[t][k];
                out[j++] = ft1 * ms[t][k];
            }
        }
        return out;
    }

    /** Names matching {@link #features}: {@code t1:idf}, {@code t1:ms[7.9]}, {@code t1:idf*ms[7.9]}, ... */
    public static java.util.List<String> featureNames(int length, java.util.List<?> heads) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int t = 1; t <= length; t++) {
            out.add("t" + t + ":idf");
            for (Object h : heads) {
                out.add("t" + t + ":ms[" + h + "]");
                out.add("t" + t + ":idf*ms[" + h + "]");
            }
        }
        return out;
    }
}
