package dev.pathway.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input for {@code --engine spark} on every command that has it: exit code 2, one
 * {@code error:} line, and no Spark started where the input is wrong before any work.
 */
class SparkCliBadInputTest {
    @TempDir
    Path tmp;

    private static void assertOneErrorLine(SparkFixtures.Cli r, String expected) {
        assertEquals(2, r.exit(), r.toString());
        assertEquals(1, r.errorLines().size(), r.toString());
        assertTrue(r.errorLines().get(0).contains(expected), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
    }

    @Test
    void anUnreachableMasterFailsWithinSecondsOnEveryCommand() throws Exception {
        String model = SparkFixtures.model().toString();
        Path data = Files.writeString(tmp.resolve("tfc1.jsonl"), "{}\n");
        String recipe = dev.pathway.core.util.ProjectPaths.root().resolve("recipes/bootstrap-cross-encoder.yaml").toString();
        List<List<String>> commands = List.of(
                List.of("eval", "rerank", "--model", model, "--dataset", "cranfield", "--out", tmp.resolve("r").toString()),
                List.of("circuits", "patch", "--model", model, "--data", data.toString(), "--out", tmp.resolve("p").toString()),
                List.of("circuits", "path-patch", "--model", model, "--data", data.toString(), "--out", tmp.resolve("pp").toString()),
                List.of("train", recipe, "--checkpoints", tmp.resolve("ck").toString()));
        for (List<String> c : commands) {
            String master = SparkFixtures.deadMaster();
            long start = System.nanoTime();
            SparkFixtures.Cli r = SparkFixtures.Cli.run(concat(c, "--engine", "spark", "--master", master));
            assertOneErrorLine(r, "Spark master " + master + " cannot be reached");
            assertTrue((System.nanoTime() - start) / 1e9 < 15, c + " took too long");
        }
        assertFalse(Files.exists(tmp.resolve("r")) || Files.exists(tmp.resolve("p")) || Files.exists(tmp.resolve("pp")));
    }

    @Test
    void malformedEngineOptions() {
        String model = SparkFixtures.model().toString();
        List<String> rerank = List.of("eval", "rerank", "--model", model, "--dataset", "cranfield", "--out", tmp.resolve("r").toString());
        assertOneErrorLine(SparkFixtures.Cli.run(concat(rerank, "--engine", "spark", "--threads-per-task", "0")),
                "--threads-per-task must be at least 1");
        assertOneErrorLine(SparkFixtures.Cli.run(concat(rerank, "--engine", "hadoop")), "unknown --engine 'hadoop'");
        assertOneErrorLine(SparkFixtures.Cli.run(concat(rerank, "--engine", "spark", "--master", "spark://")), "is not a Spark master URL");
    }

    @Test
    void sharedPathsOnALocalDiskWarnOnlyWithARemoteMaster() throws Exception {
        Path runDir = tmp.resolve("checkpoints/recipe/run-1"); // not there yet: its nearest existing parent is checked
        Optional<String> w = MasterCheck.warnIfLocalDisk("spark://cluster:7077", runDir, "run directory");
        String type = Files.getFileStore(tmp).type();
        if (MasterCheck.LOCAL_FILE_SYSTEMS.contains(type)) { // ext4, tmpfs, overlay, ...: the usual temp dir
            assertTrue(w.isPresent() && w.get().startsWith("run directory " + runDir + " is on a local " + type + " disk"), w.toString());
            assertTrue(w.get().contains("executors on other machines cannot see it"), w.get());
        } else {
            assertTrue(w.isEmpty(), "a " + type + " file system may be shared: no warning");
        }
        assertTrue(MasterCheck.warnIfLocalDisk("local[2]", runDir, "run directory").isEmpty(), "local master: executors share the disk");
    }

    private static String[] concat(List<String> a, String... b) {
        java.util.List<String> out = new java.util.ArrayList<>(a);
        out.addAll(List.of(b));
        return out.toArray(String[]::new);
    }
}
