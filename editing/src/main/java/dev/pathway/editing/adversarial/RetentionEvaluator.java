package dev.pathway.editing.adversarial;

import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.eval.data.Qrels;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluator;
import dev.pathway.eval.metrics.Metric;
import dev.pathway.eval.metrics.Metrics;
import dev.pathway.eval.rerank.RerankCandidates;
import dev.pathway.eval.rerank.RerankEvaluator;
import java.util.List;
import java.util.Set;

/**
 * nDCG@10 of an edited model on clean queries, through eval's reranking candidates and
 * trec_eval-exact metrics. An embedding edit changes only the rows of the edited pieces, so a pair
 * that contains none of them has exactly the unedited score (the lookup never reads an edited
 * row); only the pairs that contain an edited piece are scored again. Results equal a full rerank
 * up to batch-composition rounding.
 */
public final class RetentionEvaluator {
    private final RerankEvaluator evaluator;
    private final List<PairEncoding> pairs;
    private final float[] baseline;
    private final int batchSize;
    private final double baselineNdcg;
    private final List<Metric> metrics;

    /** Scores the unedited model once. */
    public RetentionEvaluator(RerankEvaluator evaluator, CrossEncoder unedited, int maxLength, int batchSize, Progress.Factory progress) {
        this.evaluator = evaluator;
        this.batchSize = batchSize;
        this.metrics = Metrics.parseList("ndcg@10");
        this.pairs = evaluator.candidates().encode(unedited.tokenizer(), maxLength);
        try (Progress p = progress.start("rerank (unedited)", pairs.size(), "pairs")) {
            this.baseline = new BatchScorer(unedited, batchSize).score(pairs, p);
        }
        this.baselineNdcg = ndcg(baseline);
    }

    public RerankEvaluator evaluator() {
        return evaluator;
    }

    public int pairs() {
        return pairs.size();
    }

    public int queries() {
        return evaluator.candidates().toRun(baseline, "q").queryIds().size();
    }

    public double baselineNdcg() {
        return baselineNdcg;
    }

    /** Scores and nDCG@10 of {@code edited}, whose edit touched exactly {@code editedIds}. */
    public Outcome evaluate(CrossEncoder edited, Set<Integer> editedIds, Progress.Factory progress) {
        List<Integer> touched = TouchedPairs.touched(pairs, editedIds);
        float[] scores = TouchedPairs.rescore(edited, pairs, baseline, touched, batchSize, progress, "rerank (edited)");
        return new Outcome(ndcg(scores), touched.size());
    }

    /** nDCG@10 after an edit, and how many pairs contained an edited piece. */
    public record Outcome(double ndcg10, int rescoredPairs) {}

    private double ndcg(float[] scores) {
        Qrels qrels = evaluator.dataSet().qrels(evaluator.split());
        RerankCandidates c = evaluator.candidates();
        return Evaluator.evaluate(c.toRun(scores, "rerank"), qrels, metrics).mean(metrics.get(0).name(), Averaging.RUN_AND_QRELS);
    }
}
