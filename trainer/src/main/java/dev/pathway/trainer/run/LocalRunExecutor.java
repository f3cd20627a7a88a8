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
        int i = 0;
        for (RunJob job : jobs) {
            LOG.warn("run {}/{}: {} seed {}", ++i, jobs.size(), job.condition(), job.seed());
            out.add(runner.run(job.of(recipe), job.seed(), base, layout.runDir(job.condition(), job.seed())));
        }
        return out;
    }
}
