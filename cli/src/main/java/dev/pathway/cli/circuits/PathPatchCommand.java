package dev.pathway.cli.circuits;

import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.path.Receiver;
import dev.pathway.circuits.run.PathPatchJob;
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

/** {@code pathway circuits path-patch}. */
@Command(name = "path-patch", mixinStandardHelpOptions = true,
        description = "Path patching: each sender's direct effect on the logits (all other heads' z frozen to B's), or on receiver heads' q/k/v.")
public final class PathPatchCommand implements Callable<Integer> {
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

    @Option(names = "--senders", defaultValue = "heads",
            description = "heads, mlps, embed or L.H, comma-separated (default: ${DEFAULT-VALUE}).")
    String senders;

    @Option(names = "--receivers", description = "Receiver heads, e.g. 5.1,5.7 (default: none, i.e. to the logits).")
    String receivers;

    @Option(names = "--receiver-input", defaultValue = "v", description = "Receiver inputs: q, k, v or a combination such as qkv (default: ${DEFAULT-VALUE}).")
    String input;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = model.dir();
        // The engine first: an unreachable master fails before any work.
        try (DistributedEngine e = engine.distributed() ? engine.open() : null; CrossEncoder m = model.load(dir)) {
            List<HeadId> rs = receivers == null ? null : HeadId.parseList(receivers, m.config());
            PathPatchJob job = new PathPatchJob(pairs.options(), senders, rs, Receiver.parseInputs(input), batch.minDelta(), batch.budget(),
                    output.out, output.overwrite);
            if (e != null) {
                spec.commandLine().getOut().println("engine: " + e.describe());
            }
            var summary = e == null ? job.run(m, dir) : job.run(m, dir, (ps, sweep) -> e.sweep(dir, ps, sweep));
            Summaries.print(spec.commandLine().getOut(), summary);
        }
        return 0;
    }
}
