package dev.pathway.trainer.run;

import dev.pathway.trainer.recipe.Recipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Executes the unfinished runs of a recipe; each writes its run directory (ending with its
 * {@code result.json}). Local execution runs them one after another in this JVM; a distributed
 * engine runs each as a task.
 */
public interface RunExecutor {
    /** Results in the order of {@code jobs}. */
    List<RunResult> execute(Recipe recipe, List<RunJob> jobs, Path base, RunLayout layout, String device) throws IOException;
}
