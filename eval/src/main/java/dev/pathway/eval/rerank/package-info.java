/**
 * Reranking a first stage with a cross-encoder: {@link dev.pathway.eval.rerank.RerankCandidates}
 * (top-k pairs, texts and cached encodings), {@link dev.pathway.eval.rerank.Reranker} (core's
 * BatchScorer) and {@link dev.pathway.eval.rerank.RerankEvaluator} (a model in memory to metrics,
 * for the trainer).
 */
package dev.pathway.eval.rerank;
