package dev.pathway.editing.adversarial;

import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.edit.DecreaseIdf;
import dev.pathway.editing.edit.EmbeddingRows;
import dev.pathway.editing.edit.TokenSelection;
import dev.pathway.editing.edit.U0Change;
import dev.pathway.editing.edit.U0Editor;
import dev.pathway.editing.svd.SvdTriplets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adversarial down-weighting (section 6.3): every word piece of the unsafe words gets the
 * decrease rule U0 := +S|U0| at once; for each S, the success rate on the adversarial samples and
 * the nDCG@10 retention on clean queries. Each scale starts from the unedited weights, and the
 * model is left unedited afterwards.
 */
public final class DownweightSweep {
    private DownweightSweep() {}

    public static List<SweepRow> run(CrossEncoder model, SvdTriplets orientedSvd, TokenSelection pieces, List<AdversarialSample> samples,
            List<Double> scales, RetentionEvaluator retention, int batchSize, Progress.Factory progress) {
        if (samples.isEmpty()) {
            throw new UserInputException("no adversarial samples: no inserted word raised the score above the threshold");
        }
        List<PairEncoding> pairs = new ArrayList<>();
        for (AdversarialSample s : samples) {
            pairs.add(s.clean());
            pairs.add(s.unsafe());
        }
        float[] unedited = new float[pairs.size()];
        for (int i = 0; i < samples.size(); i++) {
            unedited[2 * i] = samples.get(i).cleanScore();
            unedited[2 * i + 1] = samples.get(i).unsafeScore();
        }
        List<SweepRow> rows = new ArrayList<>();
        for (double scale : scales) {
            U0Change change = U0Editor.plan(orientedSvd, pieces.ids(), new DecreaseIdf(scale));
            float[][] saved = U0Editor.apply(model, orientedSvd, change);
            try {
                Set<Integer> edited = new HashSet<>();
                for (int id : change.ids()) {
                    edited.add(id);
                }
                // Unsafe documents always contain an edited piece; clean ones only sometimes.
                float[] scores = TouchedPairs.rescore(model, pairs, unedited, TouchedPairs.touched(pairs, edited), batchSize, progress,
                        "samples at S=" + scale);
                int ok = 0;
                for (int i = 0; i < samples.size(); i++) {
                    if (scores[2 * i + 1] < scores[2 * i]) {
                        ok++;
                    }
                }
                RetentionEvaluator.Outcome o = retention.evaluate(model, edited, progress);
                rows.add(new SweepRow(scale, samples.size(), ok, (double) ok / samples.size(), o.ndcg10(),
                        retention.baselineNdcg() > 0 ? o.ndcg10() / retention.baselineNdcg() : Double.NaN, o.rescoredPairs()));
            } finally {
                EmbeddingRows.write(model, change.ids(), saved);
            }
        }
        return rows;
    }
}
