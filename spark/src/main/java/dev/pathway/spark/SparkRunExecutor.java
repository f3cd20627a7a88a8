package dev.pathway.spark;

import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.engine.PathwayEngine;
import dev.pathway.core.util.UserInputException;
import dev.pathway.trainer.recipe.Recipe;
import dev.pathway.trainer.recipe.RecipeReader;
import dev.pathway.trainer.run.ConditionRunner;
import dev.pathway.trainer.run.RecipeContext;
import dev.pathway.trainer.run.RunExecutor;
import dev.pathway.trainer.run.RunJob;
import dev.pathway.trainer.run.RunLayout;
import dev.pathway.trainer.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;

/**
 * Runs each (condition, seed) of a recipe as one Spark task. A task works in its own attempt
 * directory ({@code <run>/.attempts/...}) and moves it into place in one rename when it has
 * finished; a failed attempt is retried by Spark from scratch (runs are deterministic), and its
 * partial output is never mixed into the results. The driver then reads the results from the
 * shared run directory exactly as local mode does.
 */
final class SparkRunExecutor implements RunExecutor {
    /** Test hook: "condition/seed" whose first attempt fails after its run, before the commit. */
    static final String FAIL_FIRST_ATTEMPT = "pathway.spark.failFirstAttempt";
    private static final ConcurrentHashMap<String, RecipeContext> CONTEXTS = new ConcurrentHashMap<>();

    private final SparkEngine engine;

    SparkRunExecutor(SparkEngine engine) {
        this.engine = engine;
    }

    @Override
    public List<RunResult> execute(Recipe recipe, List<RunJob> jobs, Path base, RunLayout layout, String device) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        MasterCheck.warnIfLocalDisk(engine.master(), layout.root(), "run directory");
        MasterCheck.warnIfLocalDisk(engine.master(), base, "base checkpoint");
        Path checkpoints = layout.root().getParent().getParent();
        List<RunTask> tasks = new ArrayList<>();
        for (RunJob j : jobs) {
            tasks.add(new RunTask(recipe.file().toString(), recipe.sha256(), j.condition(), j.seed(), base.toAbsolutePath().toString(),
                    checkpoints.toAbsolutePath().toString(), layout.runId(), device, engine.threadsPerTask()));
        }
        try {
            engine.context().parallelize(tasks, tasks.size()).foreach(SparkRunExecutor::runTask);
        } catch (Exception e) {
            throw SparkErrors.unwrap(e, "recipe " + recipe.name());
        }
        List<RunResult> out = new ArrayList<>();
        for (RunJob j : jobs) {
            out.add(RunResult.read(layout.runDir(j.condition(), j.seed())));
        }
        return out;
    }

    /** Executor side: run into an attempt directory, then commit it with one rename. */
    static void runTask(RunTask t) throws IOException {
        Recipe recipe = RecipeReader.read(Path.of(t.recipeFile()), false);
        if (!recipe.sha256().equals(t.recipeSha256())) {
            throw new UserInputException("recipe " + t.recipeFile() + " changed after the driver read it (or differs on this executor)");
        }
        RunLayout layout = new RunLayout(Path.of(t.checkpoints()), recipe.name(), t.runId());
        Path target = layout.runDir(t.condition(), t.seed());
        if (layout.finished(t.condition(), t.seed())) {
            return;
        }
        TaskContext tc = TaskContext.get();
        int attempt = tc == null ? 0 : tc.attemptNumber();
        Path attemptDir = layout.root().resolve(".attempts").resolve(t.condition() + "-seed-" + t.seed() + "-attempt-" + attempt);
        AtomicDirectory.deleteTree(attemptDir);
        Files.createDirectories(attemptDir.getParent());
        ExecutorModels.setThreads(t.threads());
        RecipeContext context = CONTEXTS.computeIfAbsent(t.recipeSha256(), k -> new RecipeContext(recipe));
        ConditionRunner runner = new ConditionRunner(context, PathwayEngine.device(t.device()));
        RunJob job = new RunJob(t.condition(), t.seed());
        runner.run(job.of(recipe), t.seed(), Path.of(t.base()), attemptDir);
        if (attempt == 0 && (t.condition() + "/" + t.seed()).equals(System.getProperty(FAIL_FIRST_ATTEMPT))) {
            throw new IllegalStateException("injected failure of " + t.condition() + "/" + t.seed() + " before its commit");
        }
        commit(attemptDir, target);
    }

    private static synchronized void commit(Path attemptDir, Path target) {
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target.resolve(RunLayout.RESULT))) {
                AtomicDirectory.deleteTree(attemptDir); // a speculative twin finished first
                return;
            }
            AtomicDirectory.deleteTree(target); // leftovers of an interrupted local run
            Files.move(attemptDir, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit " + attemptDir + " to " + target, e);
        }
    }
}
