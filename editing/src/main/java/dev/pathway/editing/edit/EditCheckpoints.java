package dev.pathway.editing.edit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.checkpoint.Provenance;
import dev.pathway.core.model.CrossEncoder;
import java.nio.file.Path;

/** Writes an edited model as a new checkpoint whose {@code pathway.json} lists the edit. */
public final class EditCheckpoints {
    private EditCheckpoints() {}

    /** The provenance of an edited child of the checkpoint at {@code parentDir}. */
    public static Provenance provenance(CrossEncoder model, Path parentDir, String kind, ObjectNode params, Long seed) {
        return model.provenance().child(parentDir, model.weightsSha256()).withOperation(kind, params, seed, null);
    }

    /** Saves atomically (a temporary directory, then one rename). */
    public static Provenance save(CrossEncoder model, Path parentDir, Path out, boolean overwrite, String kind, ObjectNode params, Long seed) {
        Provenance p = provenance(model, parentDir, kind, params, seed);
        Checkpoints.save(model, out, overwrite, p);
        return p;
    }
}
