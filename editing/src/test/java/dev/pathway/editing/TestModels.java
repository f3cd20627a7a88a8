package dev.pathway.editing;

import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.util.ProjectPaths;
import java.nio.file.Path;

/** The imported embedded MiniLM-L6, made once per machine under data/cache. */
public final class TestModels {
    private TestModels() {}

    public static synchronized Path minilm() {
        return EmbeddedModel.ensureImported(ProjectPaths.cache().resolve("test-models").resolve(EmbeddedModel.NAME));
    }
}
