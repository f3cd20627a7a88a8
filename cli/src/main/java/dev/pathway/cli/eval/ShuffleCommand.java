package dev.pathway.cli.eval;

import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.RunFiles;
import dev.pathway.eval.rerank.RandomOrder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pathway eval shuffle RUN}: the chance baseline of a pool, one random order per seed. */
@Command(name = "shuffle", mixinStandardHelpOptions = true,
        description = "Write the chance baseline of a run: its top k per query in uniformly random order, one run per seed"
                + " (random-<seed>.trec), for eval compare --condition.")
public final class ShuffleCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "TREC run (the pool).")
    Path run;

    @Option(names = "--top-k", defaultValue = "0", description = "Keep the top k per query first (0: all; default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--seeds", defaultValue = "10", description = "Number of seeds, 1..N (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--out", required = true, description = "Output folder, written atomically.")
    Path out;

    @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
    boolean overwrite;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (seeds < 1 || topK < 0) {
            throw new UserInputException("--seeds must be >= 1 and --top-k >= 0");
        }
        AtomicDirectory.checkTarget(out, overwrite);
        Run pool = RunFiles.read(run);
        Run cut = topK > 0 ? pool.cut(topK) : pool;
        AtomicDirectory.write(out, overwrite, dir -> {
            for (int s = 1; s <= seeds; s++) {
                RunFiles.write(RandomOrder.shuffle(cut, s, "random"), dir.resolve("random-" + s + ".trec"));
            }
        });
        spec.commandLine().getOut().println("wrote " + seeds + " random orders of " + run + " to " + out.toAbsolutePath());
        return 0;
    }
}
