package dev.pathway.trainer.run;

import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.engine.PathwayEngine;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.RunFiles;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluation;
import dev.pathway.eval.metrics.Evaluator;
import dev.pathway.eval.report.EvalReport;
import dev.pathway.eval.report.ReportWriter;
import dev.pathway.eval.rerank.RerankEvaluator;
import dev.pathway.eval.stats.Comparisons;
import dev.pathway.eval.stats.Condition;
import dev.pathway.eval.stats.RandomizationTest;
import dev.pathway.trainer.recipe.Recipe;
import dev.pathway.trainer.report.TrainingReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs a recipe: every (condition, seed) in order, each in its own directory, then the report
 * over seeds (mean, sd, per-seed values, paired tests between conditions with Holm correction)
 * from the eval module, plus the training report. A run id is never reused silently: a folder
 * that holds runs is refused unless {@code resume}, which skips finished runs and resumes a
 * started one from its last epoch.
 */
public final class RecipeRunner {
    private static final Logger LOG = LogManager.getLogger(RecipeRunner.class);
    public static final String REPORT_DIR = "report";
    /** The reference row of the report: the base checkpoint, before any condition trained it. */
    public static final String BASE_CONDITION = "base model (no training)";
    static final String BASE_TEST_RUN = "base.test.run";

    private final Path checkpoints;
    private final RunExecutor executor;

    public RecipeRunner(Path checkpoints) {
        this(checkpoints, new LocalRunExecutor());
    }

    public RecipeRunner(Path checkpoints, RunExecutor executor) {
        this.checkpoints = checkpoints;
        this.executor = executor;
    }

    /**
     * @param runId the run id, or null for a new one
     * @param resume continue the run id's unfinished runs
     * @param device a device to use instead of the recipe's, or null
     */
    public record Options(String runId, boolean resume, String device) {
        /** Options for running a base recipe: its own run id, resumed if it exists. */
        Options forBase(String baseRunId) {
            return new Options(baseRunId, true, device);
        }
    }

    /** What a finished recipe produced. */
    public record Outcome(Path root, List<RunResult> results, EvalReport report) {}

    public Outcome run(Recipe recipe, Options options) throws IOException {
        String runId = options.runId() != null ? options.runId() : RunLayout.newRunId(checkpoints, recipe.name());
        RunLayout layout = new RunLayout(checkpoints, recipe.name(), runId);
        Path root = layout.root();
        if (Files.exists(root) && !options.resume()) {
            throw new UserInputException(root + " already holds a run of '" + recipe.name() + "': pass --resume to continue it,"
                    + " or another --run-id");
        }
        Path base = BaseModels.resolve(recipe.base(), checkpoints, options);
        String device = options.device() != null ? options.device() : recipe.device();
        PathwayEngine.device(device);
        Files.createDirectories(root);
        Files.copy(recipe.file(), root.resolve("recipe.yaml"), StandardCopyOption.REPLACE_EXISTING);
        List<RunJob> pending = new ArrayList<>();
        for (Recipe.Condition c : recipe.conditions()) {
            for (long seed : recipe.seeds()) {
                if (layout.finished(c.name(), seed)) {
                    LOG.info("{} seed {} is finished; keeping it", c.name(), seed);
                } else {
                    pending.add(new RunJob(c.name(), seed));
                }
            }
        }
        executor.execute(recipe, pending, base, layout, device);
        // Results come from the files: finished runs are read the same way whoever ran them.
        List<RunResult> results = new ArrayList<>();
        for (Recipe.Condition c : recipe.conditions()) {
            for (long seed : recipe.seeds()) {
                results.add(RunResult.read(layout.runDir(c.name(), seed)));
            }
        }
        RecipeContext context = new RecipeContext(recipe);
        EvalReport report = context.test() == null ? null : report(recipe, context, layout, runId, base, device);
        AtomicDirectory.write(root.resolve(REPORT_DIR), true, dir -> {
            if (report != null) {
                ReportWriter.write(report, dir);
            }
            TrainingReport.write(recipe, results, dir);
        });
        return new Outcome(root, results, report);
    }

    /**
     * The base model's test reranking, made once per run id ({@value #BASE_TEST_RUN}) so that a
     * resumed or re-reported run does not score it again.
     */
    private static Run baseRun(RerankEvaluator test, RunLayout layout, Path base, String device) throws IOException {
        Path file = layout.root().resolve(BASE_TEST_RUN);
        if (!Files.isRegularFile(file)) {
            try (CrossEncoder model = Checkpoints.load(base, PathwayEngine.device(device))) {
                Path tmp = Files.createTempFile(layout.root(), ".base", ".tmp");
                RunFiles.write(test.evaluate(model).run().withName("base"), tmp);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return RunFiles.read(file);
    }

    /**
     * The test report: each condition's seeds as runs, plus two references on the same queries:
     * the base model as it was before any condition touched it, and the BM25 first stage.
     */
    private EvalReport report(Recipe recipe, RecipeContext context, RunLayout layout, String runId, Path base, String device)
            throws IOException {
        RerankEvaluator test = context.test();
        DataSet ds = test.dataSet();
        List<Condition> conditions = new ArrayList<>();
        for (Recipe.Condition c : recipe.conditions()) {
            List<Evaluation> evals = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (long seed : recipe.seeds()) {
                Path runFile = layout.runDir(c.name(), seed).resolve(RunLayout.TEST_RUN);
                evals.add(Evaluator.evaluate(RunFiles.read(runFile), test.qrels(), context.metrics()));
                labels.add("seed " + seed);
            }
            conditions.add(new Condition(c.name(), evals, labels));
        }
        conditions.add(new Condition(BASE_CONDITION, List.of(Evaluator.evaluate(baseRun(test, layout, base, device), test.qrels(),
                context.metrics())), List.of(base.toString())));
        conditions.add(new Condition("bm25 (first stage)", List.of(test.evaluateFirstStage()), List.of("top-" + recipe.evaluation().topK())));
        RandomizationTest randomization = new RandomizationTest(RandomizationTest.DEFAULT_PERMUTATIONS, 42);
        List<Comparisons.Row> rows = Comparisons.compare(conditions, context.metrics(), Averaging.RUN_AND_QRELS, randomization, false);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("recipe", recipe.file().toString());
        settings.put("recipe_sha256", recipe.sha256());
        settings.put("run_id", runId);
        settings.put("seeds", recipe.seeds());
        settings.put("first_stage", String.format(Locale.ROOT, "BM25 k1=%s b=%s top-%d", recipe.evaluation().k1(), recipe.evaluation().b(),
                recipe.evaluation().topK()));
        settings.put("max_length", recipe.evaluation().maxLength());
        settings.put("baseline", conditions.get(0).name());
        List<String> notes = new ArrayList<>();
        if (recipe.test().maxQueries() > 0) {
            notes.add("test queries: a fixed seeded sample of " + recipe.test().maxQueries() + " of the queries BM25 retrieves anything for"
                    + " (the same for every condition and seed); both averaging modes are over that sample");
        }
        notes.add("model selection on " + recipe.dev().dataset() + " " + recipe.dev().split() + " by " + recipe.evaluation().selectBy()
                + "; test is evaluated once per run, on the selected checkpoint");
        return new EvalReport("Recipe " + recipe.name() + " on " + ds.name() + " " + recipe.test().split(),
                "pathway train " + recipe.file() + " --run-id " + runId,
                new EvalReport.DataSetInfo(ds.name(), ds.variant(), recipe.test().split(), ds.source().name().toLowerCase(Locale.ROOT),
                        ds.directory().toString(), ds.corpusSha256(), ds.comparableWithPublished()),
                ds.qrelsFile(recipe.test().split()).toString(), context.metrics(), Averaging.RUN_AND_QRELS, conditions, rows,
                randomization, settings, notes);
    }
}
