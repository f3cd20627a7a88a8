package dev.pathway.editing.adversarial;

import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.edit.TokenSelection;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.EmbeddingSvd;
import dev.pathway.editing.svd.IdfOrientation;
import dev.pathway.editing.svd.SvdTriplets;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.metrics.Metrics;
import dev.pathway.eval.rerank.RerankEvaluator;
import dev.pathway.eval.rerank.RerankOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole section 6.3 experiment: adversarial samples from a data set's split, the decrease-rule
 * sweep over all pieces of the unsafe words, success rate and nDCG@10 retention (BM25 top k of
 * another split, reranked with eval's evaluator).
 */
public final class Downweighting {
    public static final String KIND = "downweight";

    private Downweighting() {}

    /**
     * @param sampleSplit split whose (query, relevant document) pairs become adversarial samples
     * @param evalSplit split of clean queries for nDCG@10 retention
     * @param topK BM25 documents reranked per evaluation query
     */
    public record Config(String sampleSplit, String evalSplit, List<Double> scales, int maxCandidates, double minRise, long seed,
            int maxLength, int batchSize, int topK, int svdK) {
        public Config {
            if (scales.isEmpty()) {
                throw new UserInputException("give at least one scale");
            }
            scales.forEach(s -> new dev.pathway.editing.edit.DecreaseIdf(s));
            if (batchSize < 1 || topK < 1) {
                throw new UserInputException("batch size and top k must be at least 1");
            }
        }
    }

    public static DownweightReport run(CrossEncoder model, DataSet data, UnsafeWords words, IdfTable orientationIdf, Config cfg,
            Progress.Factory progress) {
        TokenSelection pieces = TokenSelection.of(model.tokenizer(), words.words());
        // Words with an [UNK] piece cannot be fully down-weighted: they are edited where they can
        // be but never inserted, so every sample's unsafe word is fully editable.
        List<String> insertable = new ArrayList<>(words.words());
        insertable.removeAll(pieces.unkWords());
        SvdTriplets svd = IdfOrientation.orient(EmbeddingSvd.of(model, cfg.svdK()), orientationIdf);
        AdversarialSamples.Built built = AdversarialSamples.build(model, data, insertable,
                new AdversarialSamples.Config(cfg.sampleSplit(), cfg.maxCandidates(), cfg.minRise(), cfg.seed(), cfg.maxLength(), cfg.batchSize()),
                progress);
        RerankEvaluator evaluator = RerankEvaluator.overBm25(data, cfg.evalSplit(), new RerankOptions(cfg.topK(), cfg.maxLength(), cfg.batchSize()),
                Metrics.parseList("ndcg@10"));
        RetentionEvaluator retention = new RetentionEvaluator(evaluator, model, cfg.maxLength(), cfg.batchSize(), progress);
        List<SweepRow> rows = DownweightSweep.run(model, svd, pieces, built.samples(), cfg.scales(), retention, cfg.batchSize(), progress);
        return new DownweightReport(data.label(), words, pieces, svd, orientationIdf, built, retention.baselineNdcg(), retention.queries(),
                retention.pairs(), rows, cfg);
    }
}
