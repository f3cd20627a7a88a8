package dev.pathway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pathway train}: bad recipes and bad run directories are one line and exit code 2. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    private Path recipe(String conditionTrain, String learningRate, String seeds, String dataset) throws IOException {
        String yaml = String.join("\n",
                "name: tiny",
                "base: {model: " + TestModels.minilm() + "}",
                "train_data:",
                "  - {dataset: " + dataset + ", split: train, max_positives: 4}",
                "dev: {dataset: cranfield, split: dev, max_queries: 2}",
                "negatives: {sampler: random, per_positive: 1}",
                "training: {epochs: 1, batch_size: 4, learning_rate: " + learningRate + ", max_length: 32}",
                "evaluation: {top_k: 3, max_length: 32}",
                "conditions:",
                "  - {name: c, train: " + conditionTrain + "}",
                "seeds: " + seeds,
                "");
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private CliRun train(Path recipe, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "train";
        args[1] = recipe.toString();
        args[2] = "--checkpoints=" + tmp.resolve("runs");
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.of(args);
    }

    private static void assertBadInput(CliRun r, String expected) {
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.errorLine().contains(expected), r.toString());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error: ")).count(), r.toString());
    }

    @Test
    void aDryRunPrintsThePlanWithItsUntrainedBaseRecipeAndTrainsNothing() throws IOException {
        Path base = recipe("full", "1.0e-4", "[1, 2]", "cranfield");
        Path child = tmp.resolve("child.yaml");
        Files.writeString(child, Files.readString(base).replace("name: tiny", "name: child")
                .replaceFirst("base: \\{model: [^}]*}", "base: {recipe: tiny.yaml}"));
        CliRun r = train(child, "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("1 conditions x 2 seeds = 2 runs, base best checkpoint of recipe tiny.yaml"), r.out());
        assertTrue(r.out().contains("4 positives x (1 + 1 random negatives)"), r.out());
        assertTrue(r.out().contains("base: recipe tiny.yaml is not trained yet and runs first, estimated"), r.out());
        assertTrue(r.out().contains("estimated total") && r.out().contains("with the base recipe"), r.out());
        assertFalse(Files.exists(tmp.resolve("runs/tiny")), "a dry run writes no run directory");
        assertFalse(Files.exists(tmp.resolve("runs/child")), "a dry run writes no run directory");
    }

    @Test
    void aMissingRecipeFile() {
        assertBadInput(CliRun.of("train", tmp.resolve("nope.yaml").toString()), "nope.yaml");
    }

    @Test
    void aRecipeNamingAMissingDataSet() throws IOException {
        assertBadInput(train(recipe("full", "1.0e-4", "[1]", "no-such-set"), "--dry-run"), "no-such-set");
    }

    @Test
    void aLearningRateOfZero() throws IOException {
        assertBadInput(train(recipe("full", "0", "[1]", "cranfield"), "--dry-run"), "learning_rate");
    }

    @Test
    void seedsThatAreNotIntegers() throws IOException {
        assertBadInput(train(recipe("full", "1.0e-4", "[1, two]", "cranfield"), "--dry-run"), "seeds must be integers");
    }

    @Test
    void resumeNeedsARunId() throws IOException {
        assertBadInput(train(recipe("full", "1.0e-4", "[1]", "cranfield"), "--resume"), "--resume needs the --run-id");
    }

    @Test
    void aRunIdThatHoldsARunIsRefusedWithoutResume() throws IOException {
        Path existing = Files.createDirectories(tmp.resolve("runs/tiny/r1/c/seed-1"));
        Files.writeString(existing.resolve("result.json"), "{}");
        CliRun r = train(recipe("full", "1.0e-4", "[1]", "cranfield"), "--run-id=r1");
        assertBadInput(r, "already holds a run of 'tiny'");
        assertEquals("{}", readString(existing.resolve("result.json")), "the finished run is left alone");
    }

    @Test
    void embeddingsOnlyOnAnUntrainedClassifierIsRefused() throws IOException {
        CliRun r = train(recipe("embeddings", "1.0e-4", "[1]", "cranfield"), "--run-id=r2");
        assertBadInput(r, "the base model's classifier is untrained");
        assertFalse(Files.exists(tmp.resolve("runs/tiny/r2/c/seed-1/result.json")), r.toString());
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
