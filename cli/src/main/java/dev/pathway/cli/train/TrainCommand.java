package dev.pathway.cli.train;

import dev.pathway.core.util.ProjectPaths;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.report.MarkdownReport;
import dev.pathway.trainer.recipe.Recipe;
import dev.pathway.trainer.recipe.RecipeReader;
import dev.pathway.trainer.run.RecipePlan;
import dev.pathway.trainer.run.RecipeRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pathway train RECIPE}: run a recipe's conditions x seeds, or print its plan. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Run a training recipe (every condition x seed), select on dev, evaluate on test, report over seeds.")
public final class TrainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RECIPE", description = "Recipe YAML file (see recipes/).")
    Path recipe;

    @Option(names = "--dry-run", description = "Validate and print the plan with a measured time estimate; train nothing.")
    boolean dryRun;

    @Option(names = "--run-id", description = "Run id (default: a new one from the time).")
    String runId;

    @Option(names = "--resume", description = "Continue the run id's unfinished runs (finished ones are kept).")
    boolean resume;

    @Option(names = "--device", description = "cpu, gpu or gpu:N (default: the recipe's device).")
    String device;

    @Option(names = "--checkpoints", description = "Where runs are written (default: <project>/checkpoints).")
    Path checkpoints;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return run(recipe, dryRun, runId, resume, device, checkpoints, spec.commandLine().getOut());
    }

    static int run(Path file, boolean dryRun, String runId, boolean resume, String device, Path checkpointRoot, PrintWriter out)
            throws Exception {
        if (resume && runId == null) {
            throw new dev.pathway.core.util.UserInputException("--resume needs the --run-id to continue");
        }
        Recipe r = RecipeReader.read(file, true);
        Path root = checkpointRoot != null ? checkpointRoot : ProjectPaths.checkpoints();
        if (dryRun) {
            RecipePlan plan = new RecipePlan(r, root);
            plan.print(out, plan.estimate());
            return 0;
        }
        RecipeRunner.Outcome o = new RecipeRunner(root).run(r, new RecipeRunner.Options(runId, resume, device));
        if (o.report() != null) {
            out.println(MarkdownReport.table(o.report(), Averaging.RUN_AND_QRELS, false));
        }
        out.println("wrote " + o.root().resolve(RecipeRunner.REPORT_DIR).toAbsolutePath());
        out.flush();
        return 0;
    }
}
