package dev.pathway.cli.circuits;

import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.run.PatchJob;
import dev.pathway.cli.engine.DistributedEngine;
import dev.pathway.cli.engine.EngineOptions;
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

    @Mixin
    EngineOptions engine;

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
        // The engine first: an unreachable master fails before any work.
        try (DistributedEngine e = engine.distributed() ? engine.open() : null; CrossEncoder m = model.load(dir)) {
            List<HeadId> hs = heads == null ? null : HeadId.parseList(heads, m.config());
            PatchJob job = new PatchJob(pairs.options(), targets, hs, positions, batch.minDelta(), batch.budget(), output.out, output.overwrite);
            if (e != null) {
                spec.commandLine().getOut().println("engine: " + e.describe());
            }
            var summary = e == null ? job.run(m, dir) : job.run(m, dir, (ps, sweep) -> e.sweep(dir, ps, sweep));
            Summaries.print(spec.commandLine().getOut(), summary);
        }
        return 0;
    }
}
