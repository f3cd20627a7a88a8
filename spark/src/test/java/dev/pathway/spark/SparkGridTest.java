package dev.pathway.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.trainer.TrainingRun;
import dev.pathway.trainer.recipe.Recipe;
import dev.pathway.trainer.recipe.RecipeReader;
import dev.pathway.trainer.run.RecipeRunner;
import dev.pathway.trainer.run.RunLayout;
import dev.pathway.trainer.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipe grid on Spark local[2,2] (two task slots, two attempts per task) gives the same runs
 * and the same report as local mode, also when one task fails after its run and is retried: the
 * failed attempt's output is never mixed in.
 */
class SparkGridTest {
    private static final String RECIPE = """
            name: spark-grid
            base: {model: %s}
            train_data:
              - {dataset: cranfield, split: train, max_positives: 8}
            dev: {dataset: cranfield, split: dev, max_queries: 4}
            test: {dataset: cranfield, split: test, max_queries: 4}
            negatives: {sampler: random, per_positive: 1}
            training: {epochs: 1, batch_size: 8, learning_rate: 1.0e-4, max_length: 32}
            evaluation: {top_k: 5, metrics: [ndcg@5], select_by: ndcg@5, max_length: 32, batch_size: 8}
            conditions:
              - {name: full, train: full}
              - {name: head, train: head}
            seeds: [3]
            """;

    private static String report(Path root) throws java.io.IOException {
        return Files.readString(root.resolve("report/results.json")).replace(root.toString(), "")
                .replaceAll("\"created_at\" : \"[^\"]*\"", "");
    }

    @Test
    void sparkRunsEqualLocalRunsEvenWithARetriedTask(@TempDir Path tmp) throws Exception {
        Path model = EmbeddedModel.ensureImported(ProjectPaths.cache().resolve("test-models").resolve(EmbeddedModel.NAME));
        Path file = Files.writeString(tmp.resolve("grid.yaml"), RECIPE.formatted(model));
        Recipe recipe = RecipeReader.read(file, true);
        ExecutorModels.setThreads(1); // the same PyTorch thread count on both sides, for bit-equal numbers
        RecipeRunner.Outcome local = new RecipeRunner(tmp.resolve("local")).run(recipe, new RecipeRunner.Options("r", false, null));
        System.setProperty(SparkRunExecutor.FAIL_FIRST_ATTEMPT, "head/3");
        RecipeRunner.Outcome spark;
        try (SparkEngine engine = new SparkEngine("local[2,2]", 1)) {
            spark = new RecipeRunner(tmp.resolve("spark"), engine.runExecutor()).run(recipe, new RecipeRunner.Options("r", false, null));
        } finally {
            System.clearProperty(SparkRunExecutor.FAIL_FIRST_ATTEMPT);
        }
        assertEquals(local.results().size(), spark.results().size());
        for (int i = 0; i < local.results().size(); i++) {
            RunResult a = local.results().get(i);
            RunResult b = spark.results().get(i);
            assertEquals(a.devCurve(), b.devCurve(), a.condition());
            assertEquals(a.lossCurve(), b.lossCurve(), a.condition());
            assertEquals(a.testMeans(), b.testMeans(), a.condition());
            Path wa = local.root().resolve(a.condition()).resolve("seed-3").resolve(TrainingRun.BEST).resolve(Checkpoints.WEIGHTS);
            Path wb = spark.root().resolve(b.condition()).resolve("seed-3").resolve(TrainingRun.BEST).resolve(Checkpoints.WEIGHTS);
            assertArrayEquals(Files.readAllBytes(wa), Files.readAllBytes(wb), a.condition() + " weights");
        }
        assertEquals(report(local.root()), report(spark.root()), "the same report, but for the time it was made");
        // The failed first attempt of head/3 stayed in .attempts; the committed run is the retry.
        assertTrue(Files.isDirectory(spark.root().resolve(".attempts").resolve("head-seed-3-attempt-0")));
        assertTrue(Files.isRegularFile(spark.root().resolve("head").resolve("seed-3").resolve(RunLayout.RESULT)));
    }
}
