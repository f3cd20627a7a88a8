package dev.pathway.trainer;

import ai.djl.Device;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.util.ProjectPaths;
import java.nio.file.Path;

/** The imported embedded MiniLM-L6 (made once per machine under data/cache), loaded fresh per call. */
final class TestModels {
    private TestModels() {}

    static synchronized Path minilmDir() {
        return EmbeddedModel.ensureImported(ProjectPaths.cache().resolve("test-models").resolve(EmbeddedModel.NAME));
    }

    static CrossEncoder fresh() {
        return Checkpoints.load(minilmDir(), Device.cpu());
    }
}
