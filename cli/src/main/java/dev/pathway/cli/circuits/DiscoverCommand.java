package dev.pathway.cli.circuits;

import dev.pathway.circuits.discover.DiscoveryOptions;
import dev.pathway.circuits.path.Receiver;
import dev.pathway.circuits.run.DiscoverJob;
import dev.pathway.cli.options.OutputOption;
import dev.pathway.core.model.CrossEncoder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway circuits discover}. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Circuit discovery: path patching to the logits, then into the found heads' inputs, and further; writes circuit.json and a diagram.")
public final class DiscoverCommand implements Callable<Integer> {
    @Mixin
    ModelMixin model;

    @Mixin
    PairsMixin pairs;

    @Mixin
    BatchMixin batch;

    @Mixin
    OutputOption output;

    @Option(names = "--threshold", defaultValue = "0.3", description = "Keep senders with effect >= this fraction of the step's maximum (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--min-effect", defaultValue = "0", description = "And with effect at least this (default: ${DEFAULT-VALUE}).")
    double minEffect;

    @Option(names = "--rank-by", defaultValue = "mean_m", description = "mean_m or ratio_of_means (default: ${DEFAULT-VALUE}).")
    String rankBy;

    @Option(names = "--receiver-input", defaultValue = "v", description = "Inputs patched when tracing into a head: q, k, v or e.g. qkv (default: ${DEFAULT-VALUE}).")
    String input;

    @Option(names = "--depth", defaultValue = "3", description = "Levels below the logits (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--max-receivers", defaultValue = "4",
            description = "Trace at most this many heads of each level further, strongest first; 0 = all (default: ${DEFAULT-VALUE}).")
    int maxReceivers;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DiscoveryOptions opt = new DiscoveryOptions(threshold, minEffect, rankBy, Receiver.parseInputs(input), depth, maxReceivers);
        Path dir = model.dir();
        try (CrossEncoder m = model.load(dir)) {
            DiscoverJob job = new DiscoverJob(pairs.options(), opt, batch.minDelta(), batch.budget(), output.out, output.overwrite);
            Summaries.print(spec.commandLine().getOut(), job.run(m, dir));
        }
        return 0;
    }
}
