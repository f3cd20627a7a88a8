package dev.pathway.eval.metrics;

/** P@k as trec_eval's {@code P.k}: relevant (grade >= 1) in the top k, divided by k (missing ranks count as non-relevant). */
public record Precision(int cutoff) implements Metric {
    @Override
    public String name() {
        return "p" + at();
    }

    @Override
    public String trecEvalName() {
        return "P." + cutoff;
    }

    @Override
    public String definition() {
        return "P@" + cutoff + ": documents with grade >= 1 among the first " + cutoff + ", divided by " + cutoff
                + " (also when fewer were retrieved). Equals trec_eval P." + cutoff + ".";
    }

    @Override
    public double compute(JudgedRanking r) {
        int hits = 0;
        int n = depth(r);
        for (int i = 0; i < n; i++) {
            if (r.grade(i) >= 1) {
                hits++;
            }
        }
        return (double) hits / cutoff;
    }
}
