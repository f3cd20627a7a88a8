package dev.pathway.cli.edit;

import dev.pathway.cli.options.DeviceOption;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.bench.EditBench;
import dev.pathway.eval.data.DataSets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway bench edit}: SVD, corpus IDF and edit+checkpoint timings. */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Benchmark the editing workload: SVD of W_E, IDF over a corpus (default NFCorpus), and a scale-idf edit"
                + " written as a checkpoint. Prints the median of --repeat runs.")
public final class BenchEditCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Checkpoint (default: the embedded MiniLM-L6, imported under data/cache/test-models).")
    Path model;

    @Option(names = "--dataset", defaultValue = "nfcorpus", description = "Corpus for the IDF row (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Mixin
    SvdComponentsOption svd;

    @Option(names = "--repeat", defaultValue = "3", description = "Repetitions; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Mixin
    IdfSourceOptions idf;

    @Mixin
    DeviceOption device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (repeat < 1) {
            throw new UserInputException("--repeat must be at least 1");
        }
        Path dir = model != null ? model : EmbeddedModel.ensureImported(ProjectPaths.cache().resolve("test-models").resolve(EmbeddedModel.NAME));
        Path scratch = Files.createTempDirectory("pathway-bench-edit");
        try (CrossEncoder m = Checkpoints.load(dir, device.device())) {
            var rows = EditBench.run(m, dir, DataSets.resolve(dataset), idf.resolve(m.tokenizer()), svd.k, repeat, scratch);
            PrintWriter o = spec.commandLine().getOut();
            o.println("# pathway bench edit: " + dir + ", device " + device.device() + ", median of " + repeat + " (Java "
                    + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs)");
            o.println("operation\tmedian_s\truns_s\tdetail");
            for (EditBench.Row r : rows) {
                o.println(String.format(Locale.ROOT, "%s\t%.3f\t%s\t%s", r.what(), r.medianSeconds(),
                        Arrays.stream(r.seconds()).mapToObj(x -> String.format(Locale.ROOT, "%.3f", x)).collect(Collectors.joining(",")), r.detail()));
            }
            o.flush();
        } finally {
            Files.deleteIfExists(scratch);
        }
        return 0;
    }
}
