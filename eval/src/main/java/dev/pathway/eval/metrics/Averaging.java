package dev.pathway.eval.metrics;

import dev.pathway.core.util.UserInputException;
import java.util.Locale;

/** Which queries a mean is taken over. Every report prints the mode it used. */
public enum Averaging {
    /**
     * Queries that are in the run (with at least one document) and in the qrels: what BEIR
     * (pytrec_eval) and trec_eval without {@code -c} report.
     */
    RUN_AND_QRELS("run-and-qrels", "mean over queries in both the run and the qrels (BEIR / pytrec_eval; trec_eval without -c)"),
    /** Every query in the qrels; a query missing from the run scores 0 (trec_eval {@code -c}). */
    ALL_QRELS("all-qrels", "mean over all queries in the qrels, queries missing from the run scoring 0 (trec_eval -c)");

    private final String label;
    private final String description;

    Averaging(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Accepts the labels and the aliases {@code beir} and {@code trec-eval-c} (or {@code complete}). */
    public static Averaging parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "run-and-qrels", "beir", "intersection":
                return RUN_AND_QRELS;
            case "all-qrels", "trec-eval-c", "complete", "c":
                return ALL_QRELS;
            default:
                throw new UserInputException("unknown averaging mode '" + s + "' (use run-and-qrels (as BEIR) or all-qrels (as trec_eval -c))");
        }
    }
}
