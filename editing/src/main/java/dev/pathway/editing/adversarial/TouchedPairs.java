package dev.pathway.editing.adversarial;

import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.PairEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scores after an embedding edit, computing only what can change: a pair that contains none of
 * the edited ids never reads an edited row of W_E, so its score is exactly the unedited score.
 */
final class TouchedPairs {
    private TouchedPairs() {}

    /** Indices of the pairs that contain an edited id. */
    static List<Integer> touched(List<PairEncoding> pairs, Set<Integer> editedIds) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            for (long id : pairs.get(i).ids()) {
                if (editedIds.contains((int) id)) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }

    /** The unedited scores with the touched pairs scored again by the edited model. */
    static float[] rescore(CrossEncoder edited, List<PairEncoding> pairs, float[] unedited, List<Integer> touched, int batchSize,
            Progress.Factory progress, String task) {
        float[] scores = unedited.clone();
        if (touched.isEmpty()) {
            return scores;
        }
        List<PairEncoding> again = touched.stream().map(pairs::get).toList();
        float[] s;
        try (Progress p = progress.start(task, again.size(), "pairs")) {
            s = new BatchScorer(edited, batchSize).score(again, p);
        }
        for (int j = 0; j < touched.size(); j++) {
            scores[touched.get(j)] = s[j];
        }
        return scores;
    }
}
