package dev.pathway.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pathway circuits patch|path-patch --engine spark --master local[2]} on TFC1 pairs built
 * from Cranfield: the pairs are split across tasks, and the driver's aggregates (mean per-pair m,
 * its sd, the ratio of mean differences, per-pair scores) equal local mode's exactly.
 */
class SparkPatchingCliTest {
    @TempDir
    static Path tmp;

    private static Path tfc1;

    @BeforeAll
    static void buildPairs() {
        ExecutorModels.setThreads(1); // the same PyTorch thread count on both sides
        Path ds = tmp.resolve("ds");
        SparkFixtures.Cli b = SparkFixtures.Cli.run("circuits", "build-dataset", "--model", SparkFixtures.model().toString(), "--source",
                "beir:cranfield", "--kinds", "tfc1", "--queries", "3", "--docs-per-query", "1", "--max-length", "64", "--out", ds.toString());
        assertEquals(0, b.exit(), b.toString());
        tfc1 = ds.resolve("tfc1.jsonl");
    }

    private static SparkFixtures.Cli run(Path out, List<String> command, String... engine) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--model", SparkFixtures.model().toString(), "--data", tfc1.toString(), "--max-length", "64", "--batch-rows",
                "16", "--out", out.toString()));
        args.addAll(List.of(engine));
        SparkFixtures.Cli r = SparkFixtures.Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    private static void assertSameAggregates(Path a, Path b, String file) throws Exception {
        JsonNode ja = Json.read(a.resolve(file));
        JsonNode jb = Json.read(b.resolve(file));
        assertEquals(3, ja.get("pairs").asInt(), file);
        for (String key : List.of("pairs_kept", "min_delta", "mean_delta", "axes", "mean_m", "sd_m", "ratio_of_means", "mean_diff",
                "pair_scores")) {
            assertEquals(ja.get(key), jb.get(key), file + " " + key);
        }
        assertTrue(finiteNumbers(ja.get("mean_m")) > 0, "mean_m holds finite numbers: " + ja.get("mean_m"));
    }

    /** How many finite numbers a (nested) JSON array holds. */
    private static int finiteNumbers(JsonNode n) {
        if (n.isNumber()) {
            return Double.isFinite(n.asDouble()) ? 1 : 0;
        }
        int count = 0;
        for (JsonNode child : n) {
            count += finiteNumbers(child);
        }
        return count;
    }

    @Test
    void activationPatchingOnSparkEqualsLocal() throws Exception {
        List<String> cmd = List.of("circuits", "patch", "--targets", "head-z,hook:blocks.5.hook_mlp_out");
        run(tmp.resolve("patch-local"), cmd);
        SparkFixtures.Cli s = run(tmp.resolve("patch-spark"), cmd, "--engine", "spark", "--master", "local[2]");
        assertTrue(s.out().contains("engine: Spark"), s.toString());
        assertSameAggregates(tmp.resolve("patch-local"), tmp.resolve("patch-spark"), "head-z.json");
        // by position category: cells a pair lacks (an empty category) are left out per pair
        assertSameAggregates(tmp.resolve("patch-local"), tmp.resolve("patch-spark"), "hook-5_hook_mlp_out.json");
        assertEquals(Files.readString(tmp.resolve("patch-local/head-z.csv")), Files.readString(tmp.resolve("patch-spark/head-z.csv")));
    }

    @Test
    void pathPatchingOnSparkEqualsLocal() throws Exception {
        List<String> cmd = List.of("circuits", "path-patch", "--senders", "heads,embed");
        run(tmp.resolve("path-local"), cmd);
        SparkFixtures.Cli s = run(tmp.resolve("path-spark"), cmd, "--engine", "spark", "--master", "local[2]");
        assertTrue(s.out().contains("engine: Spark"), s.toString());
        assertSameAggregates(tmp.resolve("path-local"), tmp.resolve("path-spark"), "to-logits.json");
    }
}
