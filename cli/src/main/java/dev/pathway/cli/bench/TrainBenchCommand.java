package dev.pathway.cli.bench;

import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pathway bench train}: time per training step of the real loop for full and
 * embedding-only fine-tuning of MiniLM-L6 at given lengths, pairs/s and peak memory, each
 * configuration in its own JVM.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Training-step time, pairs/s and peak memory: full vs embedding-only fine-tuning on real NFCorpus pairs.")
public final class TrainBenchCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Checkpoint (default: checkpoints/all-minilm-l6-v2, imported if missing).")
    Path model;

    @Option(names = "--lengths", split = ",", defaultValue = "128,256", description = "Sequence lengths (default: ${DEFAULT-VALUE}).")
    List<Integer> lengths;

    @Option(names = "--modes", split = ",", defaultValue = "full,embeddings", description = "Trainable sets (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(names = "--batch-size", defaultValue = "32", description = "Pairs per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--steps", defaultValue = "5", description = "Timed steps after one warm-up step; the table shows their median (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--repeat", defaultValue = "1", description = "JVMs per configuration, taking turns; the table shows the median (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--dense-embeddings", description = "Update the whole word-embedding matrix every step (default: only the rows a batch touched).")
    boolean dense;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || batchSize < 1 || repeat < 1) {
            throw new UserInputException("--steps, --batch-size and --repeat must be at least 1");
        }
        Path dir = model != null ? model : EmbeddedModel.ensureImported(ProjectPaths.checkpoints().resolve(EmbeddedModel.NAME));
        // Per (length, mode): one result per JVM. The JVMs take turns, so a slow spell on the
        // machine hits both modes of a length rather than one of them.
        Map<String, List<String[]>> runs = new LinkedHashMap<>();
        for (int r = 0; r < repeat; r++) {
            for (int length : lengths) {
                for (String mode : modes) {
                    runs.computeIfAbsent(length + " " + mode, k -> new ArrayList<>()).add(WorkerProcess.run(TrainBenchWorker.class,
                            List.of(dir.toString(), mode, Integer.toString(length), Integer.toString(batchSize), Integer.toString(steps),
                                    Boolean.toString(!dense))));
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "batch %d pairs, median of %d timed steps%s, %s word-embedding updates, %d CPU threads%n", batchSize, steps,
                repeat > 1 ? " in each of " + repeat + " JVMs, median over the JVMs" : "",
                dense ? "dense" : "row-sparse (touched rows only)", Runtime.getRuntime().availableProcessors());
        out.printf("%-12s %7s %12s %16s %10s %13s %8s%n", "trains", "length", "ms/step", "JVMs min-max", "pairs/s", "peak RSS MB", "vs full");
        for (int length : lengths) {
            double full = runs.containsKey(length + " full") ? median(runs.get(length + " full"), 2) : Double.NaN;
            for (String mode : modes) {
                List<String[]> rs = runs.get(length + " " + mode);
                double ms = median(rs, 2);
                double min = rs.stream().mapToDouble(x -> Double.parseDouble(x[2])).min().orElseThrow();
                double max = rs.stream().mapToDouble(x -> Double.parseDouble(x[2])).max().orElseThrow();
                out.printf(Locale.ROOT, "%-12s %7d %12.0f %16s %10.1f %13.0f %8s%n", mode, length, ms, String.format(Locale.ROOT, "%.0f-%.0f", min, max),
                        Double.parseDouble(rs.get(0)[3]) / (ms / 1000), median(rs, 4) / 1024.0,
                        Double.isNaN(full) ? "-" : String.format(Locale.ROOT, "%.2f", ms / full));
            }
        }
        BertConfig config = BertConfig.read(dir.resolve(Checkpoints.CONFIG));
        for (int length : lengths) {
            out.printf(Locale.ROOT, "length %d: embeddings-only can not go below %.2f of full from matrix multiplies alone%n", length,
                    embeddingsOnlyFloor(config, length));
        }
        out.flush();
        return 0;
    }

    /** The median of field {@code field} over the runs. */
    private static double median(List<String[]> runs, int field) {
        return new Median().evaluate(runs.stream().mapToDouble(x -> Double.parseDouble(x[field])).toArray());
    }

    /**
     * Embedding-only over full training in multiply-adds of the encoder: both need the forward and
     * the gradients of every activation down to the embeddings; full training adds the weight
     * gradients of every linear layer. Per token and layer, the linear layers cost 4d^2 + 2d*ff
     * each way, and attention 2Ld forward (scores, mixing) and 4Ld backward, with no weights.
     */
    static double embeddingsOnlyFloor(BertConfig c, int length) {
        double linear = 4.0 * c.hiddenSize() * c.hiddenSize() + 2.0 * c.hiddenSize() * c.intermediateSize();
        double attention = 2.0 * length * c.hiddenSize();
        double embeddingsOnly = 2 * linear + 3 * attention;
        return embeddingsOnly / (embeddingsOnly + linear);
    }
}
