package dev.pathway.eval.metrics;

/**
 * nDCG@k as trec_eval's {@code ndcg_cut.k}: gain = the judged grade (unjudged and grade <= 0 give
 * nothing), discount log2(rank + 1) for 1-based ranks, normalised by the DCG of the ideal ranking
 * of all judged documents of the query cut at k; 0 when the query has no document with a positive
 * grade.
 */
public record Ndcg(int cutoff) implements Metric {
    private static final double LN2 = Math.log(2);

    @Override
    public String name() {
        return "ndcg" + at();
    }

    @Override
    public String trecEvalName() {
        return cutoff == NO_CUTOFF ? "ndcg" : "ndcg_cut." + cutoff;
    }

    @Override
    public String definition() {
        return "nDCG" + at() + ": sum over ranks r<=" + (cutoff == NO_CUTOFF ? "n" : cutoff)
                + " of grade/log2(r+1), divided by the same sum for the ideal ordering of all judged documents"
                + " (grade = qrels label; unjudged = 0); 0 if no judged document has grade > 0. Equals trec_eval "
                + trecEvalName() + ".";
    }

    @Override
    public double compute(JudgedRanking r) {
        double dcg = 0;
        int n = depth(r);
        for (int i = 0; i < n; i++) {
            int g = r.grade(i);
            if (g > 0) {
                dcg += g / log2(i + 2);
            }
        }
        double ideal = 0;
        int m = Math.min(cutoff, r.idealLength());
        for (int i = 0; i < m; i++) {
            ideal += r.idealGrade(i) / log2(i + 2);
        }
        return ideal > 0 ? dcg / ideal : 0.0;
    }

    private static double log2(int x) {
        return Math.log(x) / LN2;
    }
}
