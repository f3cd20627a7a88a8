package dev.pathway.cli.circuits;

import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.run.PatchJob;
import dev.pathway.cli.options.OutputOption;
import dev.pathway.core.model.CrossEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway circuits patch}. */
@Command(name = "patch", mixinStandardHelpOptions = true,
        description = "Activation patching: run B with one of P's activations patched in; m = (s_patched - s_B)/(s_P - s_B) on the logit.")
public final class PatchCommand implements Callable<Integer> {
    @Mixin
    ModelMixin model;

    @Mixin
    PairsMixin pairs;

    @Mixin
    BatchMixin batch;

    @Mixin
    OutputOption output;

    @Option(names = "--targets", split = ",", defaultValue = "resid,head-z",
            description = "resid, head-z, head-v, head-q, head-k, head-pattern, head-z-pos, head-v-pos, head-pattern-pos, or hook:NAME for any encoder hook (default: ${DEFAULT-VALUE}).")
    List<String> targets;

    @Option(names = "--heads", description = "Heads for the by-position targets, e.g. 5.1,4.7.")
    String heads;

    @Option(names = "--positions", description = "each or category (default: each for one pair, category otherwise).")
    String positions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = model.dir();
        try (CrossEncoder m = model.load(dir)) {
            List<HeadId> hs = heads == null ? null : HeadId.parseList(heads, m.config());
            PatchJob job = new PatchJob(pairs.options(), targets, hs, positions, batch.minDelta(), batch.budget(), output.out, output.overwrite);
            Summaries.print(spec.commandLine().getOut(), job.run(m, dir));
        }
        return 0;
    }
}
