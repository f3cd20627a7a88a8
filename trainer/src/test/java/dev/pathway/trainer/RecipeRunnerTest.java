package dev.pathway.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.util.Sha256;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.stats.Condition;
import dev.pathway.trainer.recipe.Recipe;
import dev.pathway.trainer.recipe.RecipeReader;
import dev.pathway.trainer.run.RecipeRunner;
import dev.pathway.trainer.run.RunResult;
import dev.pathway.trainer.run.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole recipe on real data, kept tiny: two conditions that train the same parameters x two
 * seeds, dev selection, test reranking and the report over seeds.
 */
class RecipeRunnerTest {
    @TempDir
    Path tmp;

    private Recipe tinyRecipe() throws IOException {
        String yaml = String.join("\n",
                "name: tiny",
                "base: {model: " + TestModels.minilmDir() + "}",
                "train_data:",
                "  - {dataset: cranfield, split: train, max_positives: 8}",
                "dev: {dataset: cranfield, split: dev, max_queries: 3}",
                "test: {dataset: cranfield, split: test, max_queries: 4}",
                "negatives: {sampler: random, per_positive: 1}",
                "training: {epochs: 2, batch_size: 8, learning_rate: 3.0e-3, max_length: 32}",
                "evaluation: {top_k: 5, max_length: 32, metrics: [ndcg@10, mrr@10]}",
                "conditions:",
                "  - {name: a, train: head}",
                "  - {name: b, train: head}",
                "seeds: [1, 2]",
                "");
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, yaml);
        return RecipeReader.read(file, true);
    }

    @Test
    void aRecipeRunsEveryConditionAndSeedAndReportsOverSeeds() throws IOException {
        Recipe recipe = tinyRecipe();
        Path checkpoints = tmp.resolve("runs");
        RecipeRunner.Outcome out = new RecipeRunner(checkpoints).run(recipe, new RecipeRunner.Options("r1", false, null));

        RunLayout layout = new RunLayout(checkpoints, "tiny", "r1");
        for (String c : new String[] {"a", "b"}) {
            for (long seed : new long[] {1, 2}) {
                Path dir = layout.runDir(c, seed);
                assertTrue(Files.isRegularFile(dir.resolve("result.json")), dir.toString());
                assertTrue(Files.isRegularFile(dir.resolve("best/model.safetensors")), dir.toString());
                assertTrue(Files.isRegularFile(dir.resolve(RunLayout.TEST_RUN)), dir.toString());
                assertTrue(Files.isRegularFile(dir.resolve("log.jsonl")), dir.toString());
                RunResult r = RunResult.read(dir);
                assertEquals(2, r.devCurve().size(), "one dev value per epoch");
                assertEquals(r.devCurve().get(r.bestEpoch() - 1), r.bestDev(), 0.0, "the best epoch is the dev maximum");
            }
        }
        // Conditions a and b train the same parameters: the same seed must give the same model.
        assertEquals(Sha256.of(layout.runDir("a", 1).resolve("best/model.safetensors")),
                Sha256.of(layout.runDir("b", 1).resolve("best/model.safetensors")));

        Path report = out.root().resolve(RecipeRunner.REPORT_DIR);
        for (String f : new String[] {"results.json", "report.md", "training.md", "training.json", "learning_curves.png"}) {
            assertTrue(Files.size(report.resolve(f)) > 0, f);
        }
        // The report's per-condition mean over seeds is the mean of the runs' own test means.
        Condition a = out.report().conditions().get(0);
        assertEquals("a", a.name());
        double seed1 = RunResult.read(layout.runDir("a", 1)).testMeans().get("ndcg@10");
        double seed2 = RunResult.read(layout.runDir("a", 2)).testMeans().get("ndcg@10");
        assertEquals((seed1 + seed2) / 2, a.summary("ndcg@10", Averaging.RUN_AND_QRELS).mean(), 1e-12);
        assertEquals(RecipeRunner.BASE_CONDITION, out.report().conditions().get(2).name());
        assertTrue(Files.isRegularFile(out.root().resolve("base.test.run")), "the base model's reranking is kept");
        assertEquals("bm25 (first stage)", out.report().conditions().get(3).name());
        // A sampled test split is judged on its sample only, in both averaging modes.
        assertEquals(4, a.runs().get(0).queryCount(Averaging.ALL_QRELS));
        assertEquals(4, a.runs().get(0).queryCount(Averaging.RUN_AND_QRELS));
        assertTrue(Files.readString(report.resolve("report.md")).contains("Holm"), "comparisons are Holm-corrected");

        // Resuming a finished run id trains nothing and reproduces the same report.
        String before = Files.readString(report.resolve("results.json"));
        long stamp = Files.getLastModifiedTime(layout.runDir("a", 1).resolve("result.json")).toMillis();
        new RecipeRunner(checkpoints).run(recipe, new RecipeRunner.Options("r1", true, null));
        assertEquals(stamp, Files.getLastModifiedTime(layout.runDir("a", 1).resolve("result.json")).toMillis());
        assertEquals(stripTimes(before), stripTimes(Files.readString(report.resolve("results.json"))));
        assertFalse(Files.exists(out.root().resolve(RecipeRunner.REPORT_DIR + ".tmp")));
    }

    private static String stripTimes(String json) {
        return json.replaceAll("\"(written_at|at|created_at|generated_at)\"\\s*:\\s*\"[^\"]*\"", "");
    }
}
