package dev.pathway.trainer.run;

import dev.pathway.core.engine.PathwayEngine;
import dev.pathway.trainer.recipe.Recipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Runs every job in this JVM, one after another; a started run resumes from its last epoch. */
public final class LocalRunExecutor implements RunExecutor {
    private static final Logger LOG = LogManager.getLogger(LocalRunExecutor.class);

    @Override
    public List<RunResult> execute(Recipe recipe, List<RunJob> jobs, Path base, RunLayout layout, String device) throws IOException {
        ConditionRunner runner = new ConditionRunner(new RecipeContext(recipe), PathwayEngine.device(device));
        List<RunResult> out = new ArrayList<>();
        long start = System.nanoTime();
        int i = 0;
        for (RunJob job : jobs) {
            // Logged at warning level so the default (quiet) console shows progress and the ETA.
            LOG.warn("run {}/{}: {} seed {}{}", ++i, jobs.size(), job.condition(), job.seed(), eta(start, i - 1, jobs.size()));
            out.add(runner.run(job.of(recipe), job.seed(), base, layout.runDir(job.condition(), job.seed())));
        }
        return out;
    }

    /** The remaining time at the pace of the runs done so far (empty before the first one ends). */
    static String eta(long startNanos, int done, int total) {
        if (done == 0) {
            return "";
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        return " (" + done + " done in " + minutes(elapsed) + ", about " + minutes(elapsed / done * (total - done)) + " left)";
    }

    private static String minutes(double seconds) {
        long s = Math.round(seconds);
        return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
