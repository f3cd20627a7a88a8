package dev.pathway.eval.metrics;

/**
 * Average precision cut at k (MAP@k when averaged), as trec_eval's {@code map_cut.k}: the sum of
 * precision at the rank of each relevant (grade >= 1) document within the first k, divided by the
 * number of all relevant judged documents (not by min(k, relevant)); 0 if there are none. Without
 * a cutoff it is trec_eval's {@code map}.
 */
public record AveragePrecision(int cutoff) implements Metric {
    @Override
    public String name() {
        return "map" + at();
    }

    @Override
    public String trecEvalName() {
        return cutoff == NO_CUTOFF ? "map" : "map_cut." + cutoff;
    }

    @Override
    public String definition() {
        return "MAP" + at() + ": sum of precision at the rank of each document with grade >= 1"
                + (cutoff == NO_CUTOFF ? "" : " within the first " + cutoff)
                + ", divided by the number of judged documents with grade >= 1; 0 if none. Equals trec_eval " + trecEvalName() + ".";
    }

    @Override
    public double compute(JudgedRanking r) {
        if (r.relevant() == 0) {
            return 0.0;
        }
        int hits = 0;
        double sum = 0;
        int n = depth(r);
        for (int i = 0; i < n; i++) {
            if (r.grade(i) >= 1) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / r.relevant();
    }
}
