package dev.pathway.circuits.linear;

/** The scorers compared in Table 2, with their keys in results.json and labels in report.md. */
public enum Scorer {
    SEMANTIC_BM("semanticbm", "SemanticBM"),
    RANDOM("random", "Random features"),
    BM25("bm25", "BM25 (tokens, fixed k1/b)"),
    BM25_BEST("bm25_best", "BM25 (tokens, grid-best k1/b)"),
    CROSS_ENCODER("cross_encoder", "Cross-encoder"),
    FIRST_STAGE("bm25_first_stage", "BM25 first stage (Lucene order)");

    private final String key;
    private final String label;

    Scorer(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether the scorer is fitted to the logits (RMSE and R² apply). */
    public boolean predictsLogits() {
        return this == SEMANTIC_BM || this == RANDOM;
    }

    /** Scorers whose agreement with the logits is reported (the cross-encoder is the target). */
    public static Scorer[] correlated() {
        return new Scorer[] {SEMANTIC_BM, RANDOM, BM25, BM25_BEST};
    }
}
