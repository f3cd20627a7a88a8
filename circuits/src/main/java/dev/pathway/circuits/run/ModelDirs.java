package dev.pathway.circuits.run;

import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The model directory of a command: the given one, or the embedded MiniLM-L6 (imported if missing). */
public final class ModelDirs {
    private ModelDirs() {}

    public static Path resolve(Path given) {
        if (given == null) {
            return EmbeddedModel.ensureImported(ProjectPaths.checkpoints().resolve(EmbeddedModel.NAME));
        }
        if (!Files.isDirectory(given)) {
            throw new UserInputException("model directory not found: " + given.toAbsolutePath()
                    + " (a HuggingFace checkpoint folder; the embedded model: ./pathway model import-onnx --out DIR)");
        }
        return given;
    }
}
