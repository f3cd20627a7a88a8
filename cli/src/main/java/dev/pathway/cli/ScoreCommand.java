package dev.pathway.cli;

import dev.pathway.cli.options.DeviceOption;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway score}: raw logits (and optionally sigmoids) of query-document pairs. */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = "Score query-document pairs with a cross-encoder. Output: TSV with row, logit[, sigmoid].")
public final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Checkpoint directory.")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--input", description = "TSV (query<TAB>document per line) or JSONL ({\"query\":..,\"doc\":..}) file.")
        Path file;

        @ArgGroup(exclusive = false)
        Inline inline;
    }

    static final class Inline {
        @Option(names = "--query", required = true, description = "One query.")
        String query;

        @Option(names = "--doc", required = true, description = "A document (repeat for several).")
        List<String> docs;
    }

    @Option(names = "--max-length", defaultValue = "512", description = "Maximum pair length in tokens (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--batch-size", defaultValue = "32", description = "Pairs per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--sigmoid", description = "Add a sigmoid column.")
    boolean sigmoid;

    @Option(names = "--output", description = "Write the TSV here instead of standard output.")
    Path output;

    @Mixin
    DeviceOption device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (batchSize < 1) {
            throw new UserInputException("--batch-size must be at least 1");
        }
        List<String[]> pairs = input.file != null ? PairFile.read(input.file) : inlinePairs();
        try (CrossEncoder m = Checkpoints.load(model, device.device())) {
            List<PairEncoding> enc = m.tokenizer().encodePairs(
                    pairs.stream().map(p -> p[0]).toList(), pairs.stream().map(p -> p[1]).toList(), maxLength);
            float[] scores;
            try (Progress progress = ProgressBars.start("score", enc.size(), "pairs")) {
                scores = new BatchScorer(m, batchSize).score(enc, progress);
            }
            if (output != null) {
                Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), ".score", ".tmp");
                try (Writer w = Files.newBufferedWriter(tmp)) {
                    write(new PrintWriter(w), scores);
                }
                Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                write(spec.commandLine().getOut(), scores);
            }
        }
        return 0;
    }

    private List<String[]> inlinePairs() {
        List<String[]> out = new ArrayList<>();
        for (String d : input.inline.docs) {
            out.add(new String[] {input.inline.query, d});
        }
        return out;
    }

    private void write(PrintWriter out, float[] scores) {
        out.println(sigmoid ? "row\tlogit\tsigmoid" : "row\tlogit");
        for (int i = 0; i < scores.length; i++) {
            out.print((i + 1) + "\t" + scores[i]);
            if (sigmoid) {
                out.print("\t" + (float) (1 / (1 + Math.exp(-scores[i]))));
            }
            out.println();
        }
        out.flush();
    }
}
