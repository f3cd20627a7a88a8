package dev.pathway.eval.metrics;

/** Recall@k as trec_eval's {@code recall.k}: relevant (grade >= 1) in the top k / all relevant judged; 0 if none. */
public record Recall(int cutoff) implements Metric {
    @Override
    public String name() {
        return "recall" + at();
    }

    @Override
    public String trecEvalName() {
        return "recall." + cutoff;
    }

    @Override
    public String definition() {
        return "Recall@" + cutoff + ": documents with grade >= 1 among the first " + cutoff
                + ", divided by the number of judged documents with grade >= 1; 0 if there are none. Equals trec_eval recall." + cutoff + ".";
    }

    @Override
    public double compute(JudgedRanking r) {
        if (r.relevant() == 0) {
            return 0.0;
        }
        int hits = 0;
        int n = depth(r);
        for (int i = 0; i < n; i++) {
            if (r.grade(i) >= 1) {
                hits++;
            }
        }
        return (double) hits / r.relevant();
    }
}
