package dev.pathway.eval.metrics;

/**
 * Reciprocal rank cut at k (MRR@k when averaged; BEIR's MRR@k): 1/rank of the first document
 * with grade >= 1 within the first k, else 0. Without a cutoff it is trec_eval's {@code
 * recip_rank}.
 */
public record ReciprocalRank(int cutoff) implements Metric {
    @Override
    public String name() {
        return "mrr" + at();
    }

    @Override
    public String trecEvalName() {
        return cutoff == NO_CUTOFF ? "recip_rank" : "recip_rank cut at " + cutoff + " (BEIR's MRR@" + cutoff + ")";
    }

    @Override
    public String definition() {
        return "MRR" + at() + ": 1/r for the first rank r" + (cutoff == NO_CUTOFF ? "" : "<=" + cutoff)
                + " holding a document with grade >= 1, else 0 (ties in score broken as trec_eval does).";
    }

    @Override
    public double compute(JudgedRanking r) {
        int n = depth(r);
        for (int i = 0; i < n; i++) {
            if (r.grade(i) >= 1) {
                return 1.0 / (i + 1);
            }
        }
        return 0.0;
    }
}
