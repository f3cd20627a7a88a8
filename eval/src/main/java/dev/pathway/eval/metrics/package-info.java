/**
 * Effectiveness measures computed exactly as trec_eval computes them, one per file behind {@link
 * dev.pathway.eval.metrics.Metric}; {@link dev.pathway.eval.metrics.Evaluator} evaluates a run
 * against qrels into an {@link dev.pathway.eval.metrics.Evaluation} whose means are taken under an
 * explicit {@link dev.pathway.eval.metrics.Averaging} mode.
 */
package dev.pathway.eval.metrics;
