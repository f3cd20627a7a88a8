package dev.pathway.trainer;

import ai.djl.Device;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.util.ProjectPaths;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
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

    /**
     * A copy of the model under {@code tmp} with dropout off, for tests that compare two ways of
     * computing the same training forward (with dropout they would see different functions).
     */
    static Path withoutDropout(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("no-dropout"));
        try (var files = Files.list(minilmDir())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        ObjectNode config = (ObjectNode) Json.read(dir.resolve("config.json"));
        config.put("hidden_dropout_prob", 0.0).put("attention_probs_dropout_prob", 0.0);
        Files.writeString(dir.resolve("config.json"), config.toPrettyString());
        return dir;
    }
}
