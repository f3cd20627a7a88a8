package dev.pathway.eval.rerank;

import dev.pathway.core.util.UserInputException;

/**
 * How to rerank: how many first-stage documents per query, the maximum pair length in tokens
 * (longer documents are truncated, the query is kept), and pairs per batch.
 *
 * @param topK first-stage documents reranked per query (the paper: 20)
 * @param maxLength maximum length of {@code [CLS] q [SEP] d [SEP]} in tokens
 * @param batchSize pairs per forward pass
 */
public record RerankOptions(int topK, int maxLength, int batchSize) {
    public static final RerankOptions DEFAULT = new RerankOptions(20, 512, 32);

    public RerankOptions {
        if (topK < 1) {
            throw new UserInputException("--top-k must be at least 1, got " + topK);
        }
        if (maxLength < 4) {
            throw new UserInputException("--max-length must be at least 4, got " + maxLength);
        }
        if (batchSize < 1) {
            throw new UserInputException("--batch-size must be at least 1, got " + batchSize);
        }
    }
}
