package dev.pathway.eval.rerank;

import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.eval.data.Run;
import java.util.List;

/**
 * Reranks candidates with a cross-encoder through core's {@link BatchScorer} (batches of similar
 * length, in inference mode). The output run holds only the reranked top k per query, scored by
 * the model's first logit, as BEIR's reranker returns it.
 */
public final class Reranker {
    private final CrossEncoder model;
    private final RerankOptions options;

    public Reranker(CrossEncoder model, RerankOptions options) {
        this.model = model;
        this.options = options;
    }

    /** Model scores of the candidates, in candidate order. */
    public float[] score(RerankCandidates candidates) {
        List<PairEncoding> enc = candidates.encode(model.tokenizer(), options.maxLength());
        try (Progress p = ProgressBars.start("rerank", enc.size(), "pairs")) {
            return new BatchScorer(model, options.batchSize()).score(enc, p);
        }
    }

    /** The reranked run, tagged {@code tag}. */
    public Run rerank(RerankCandidates candidates, String tag) {
        return candidates.toRun(score(candidates), tag);
    }
}
