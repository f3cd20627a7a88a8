package dev.pathway.eval.rerank;

import dev.pathway.core.model.CrossEncoder;
import dev.pathway.eval.bm25.Bm25;
import dev.pathway.eval.bm25.Bm25Params;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.Qrels;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.metrics.Evaluation;
import dev.pathway.eval.metrics.Evaluator;
import dev.pathway.eval.metrics.Metric;
import java.util.List;

/**
 * Evaluates a model in memory by reranking a fixed first stage on one split: what the trainer
 * calls on dev after each epoch (and once on test at the end). Candidates and their encodings are
 * prepared once and reused.
 *
 * <pre>{@code
 * RerankEvaluator dev = RerankEvaluator.overBm25(dataSet, "dev", RerankOptions.DEFAULT, Metrics.parseList("ndcg@10"));
 * Result r = dev.evaluate(model);
 * double ndcg10 = r.evaluation().mean("ndcg@10", Averaging.RUN_AND_QRELS);
 * }</pre>
 */
public final class RerankEvaluator {
    private final DataSet dataSet;
    private final String split;
    private final Run firstStage;
    private final RerankCandidates candidates;
    private final RerankOptions options;
    private final List<Metric> metrics;
    private final Qrels qrels;

    /** The reranked run and its evaluation. */
    public record Result(Run run, Evaluation evaluation) {}

    public RerankEvaluator(DataSet dataSet, String split, Run firstStage, RerankOptions options, List<Metric> metrics) {
        this(dataSet, split, firstStage, options, metrics, false);
    }

    /**
     * @param sampledQueries the first stage holds a sample of the split's queries: judge only
     *     those, so that "all qrels" averaging means all sampled queries, not the whole split
     */
    public RerankEvaluator(DataSet dataSet, String split, Run firstStage, RerankOptions options, List<Metric> metrics,
            boolean sampledQueries) {
        this.dataSet = dataSet;
        this.split = split;
        this.firstStage = firstStage;
        this.options = options;
        this.metrics = List.copyOf(metrics);
        Qrels all = dataSet.qrels(split);
        this.qrels = sampledQueries ? all.restrictTo(firstStage.queryIds()) : all;
        this.candidates = RerankCandidates.of(firstStage, options.topK(), dataSet.queries(), dataSet);
    }

    /** Reranks the BM25 (Anserini parameters) top k of the split's queries. */
    public static RerankEvaluator overBm25(DataSet dataSet, String split, RerankOptions options, List<Metric> metrics) {
        return new RerankEvaluator(dataSet, split, Bm25.run(dataSet, split, Bm25Params.ANSERINI, options.topK()), options, metrics);
    }

    public DataSet dataSet() {
        return dataSet;
    }

    public String split() {
        return split;
    }

    /** The first-stage run being reranked. */
    public Run firstStage() {
        return firstStage;
    }

    /** The judgments evaluations use (the split's, or those of the sampled queries). */
    public Qrels qrels() {
        return qrels;
    }

    public RerankCandidates candidates() {
        return candidates;
    }

    /** Evaluates the first stage itself, cut to the same top k (the baseline of the same pool). */
    public Evaluation evaluateFirstStage() {
        return Evaluator.evaluate(firstStage.cut(options.topK()), qrels, metrics);
    }

    /** Reranks with {@code model} and evaluates. */
    public Result evaluate(CrossEncoder model) {
        Run run = new Reranker(model, options).rerank(candidates, "rerank");
        return new Result(run, Evaluator.evaluate(run, qrels, metrics));
    }
}
