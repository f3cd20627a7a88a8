package dev.pathway.cli.model;

import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.onnx.OnnxImporter;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pathway model import-onnx}: an ONNX BERT export (default: the embedded MiniLM-L6) to a checkpoint. */
@Command(
        name = "import-onnx",
        mixinStandardHelpOptions = true,
        description = "Import a BERT ONNX export as a pathway checkpoint (default: the embedded all-MiniLM-L6-v2)."
                + " The pooler and classifier are new, initialised from --seed.")
public final class ImportOnnxCommand implements Callable<Integer> {
    @Option(names = "--onnx", description = "ONNX file (default: the embedded all-minilm-l6-v2.onnx).")
    Path onnx;

    @Option(names = "--tokenizer", description = "tokenizer.json for --onnx (default: the embedded one).")
    Path tokenizer;

    @Option(names = "--out", description = "Output checkpoint directory (default: checkpoints/all-minilm-l6-v2).")
    Path out;

    @Option(names = "--overwrite", description = "Replace the output directory if it exists.")
    boolean overwrite;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the new pooler and classifier (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--heads", defaultValue = "0", description = "Attention heads, when the graph does not tell (0: infer).")
    int heads;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if ((onnx == null) != (tokenizer == null)) {
            throw new UserInputException("--onnx and --tokenizer go together");
        }
        Path target = out != null ? out : ProjectPaths.checkpoints().resolve(EmbeddedModel.NAME);
        byte[] model = onnx == null ? EmbeddedModel.onnxBytes() : read(onnx);
        byte[] tok = tokenizer == null ? EmbeddedModel.tokenizerBytes() : read(tokenizer);
        String name = onnx == null ? EmbeddedModel.SOURCE : onnx.toAbsolutePath().toString();
        OnnxImporter.importToCheckpoint(model, name, tok, target, overwrite, seed, heads);
        spec.commandLine().getOut().println("wrote " + target.toAbsolutePath());
        return 0;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing file: " + p);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
