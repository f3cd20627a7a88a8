package dev.pathway.cli.train;

import dev.pathway.core.util.ProjectPaths;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pathway quickstart}: the main job on the embedded default model. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Import the embedded MiniLM-L6, bootstrap it into a cross-encoder, then adapt it to NFCorpus in four"
                + " conditions x 3 seeds (recipes/quickstart.yaml) and print the report.")
public final class QuickstartCommand implements Callable<Integer> {
    @Option(names = "--dry-run", description = "Print the plan and the time estimate only.")
    boolean dryRun;

    @Option(names = "--run-id", description = "Run id (default: a new one).")
    String runId;

    @Option(names = "--resume", description = "Continue an interrupted quickstart (needs --run-id).")
    boolean resume;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path recipe = ProjectPaths.root().resolve("recipes").resolve("quickstart.yaml");
        return TrainCommand.run(recipe, dryRun, runId, resume, null, null, spec.commandLine().getOut());
    }
}
