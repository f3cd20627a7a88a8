package dev.pathway.trainer.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.checkpoint.Provenance;
import dev.pathway.trainer.TrainableSet;
import java.util.List;

/** Reads from a provenance whether the classifier is still the fresh, untrained one. */
public final class HeadState {
    private HeadState() {}

    /** True when the last operation touching the classifier initialised it fresh (no training since). */
    public static boolean isFresh(Provenance p) {
        boolean fresh = false;
        for (JsonNode op : p.operations()) {
            String kind = op.path("kind").asText();
            if (kind.equals("init-fresh-head") || kind.equals("fresh-init")) {
                fresh = true;
            } else if (kind.equals("train")) {
                String trainable = op.path("params").path("trainable").asText("full");
                if (TrainableSet.of(List.of(trainable.split("\\+"))).trainsClassifier()) {
                    fresh = false;
                }
            }
        }
        return fresh;
    }
}
