package dev.pathway.eval.metrics;

/**
 * One per-query effectiveness measure, computed exactly as trec_eval does. Implementations are
 * small and stateless: one measure per file. Parse names with {@link Metrics#parse(String)}.
 */
public interface Metric {
    /** No cutoff: the whole ranking counts. */
    int NO_CUTOFF = Integer.MAX_VALUE;

    /** Canonical name, e.g. {@code ndcg@10}. */
    String name();

    /** The rank cutoff, or {@link #NO_CUTOFF}. */
    int cutoff();

    /** The trec_eval measure this equals (e.g. {@code ndcg_cut.10}). */
    String trecEvalName();

    /** A definition a reader can check (written into results.json). */
    String definition();

    /** The value for one query. */
    double compute(JudgedRanking r);

    /** {@code min(cutoff, retrieved)}. */
    default int depth(JudgedRanking r) {
        return Math.min(cutoff(), r.retrieved());
    }

    /** {@code "@k"} or "" for no cutoff. */
    default String at() {
        return cutoff() == NO_CUTOFF ? "" : "@" + cutoff();
    }
}
