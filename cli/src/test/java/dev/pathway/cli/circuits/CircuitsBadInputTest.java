package dev.pathway.cli.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.cli.CliRun;
import dev.pathway.cli.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input of the circuits commands: one "error:" line, exit code 2, nothing written. */
class CircuitsBadInputTest {
    @TempDir
    Path tmp;

    private final String model = TestModels.minilm().toString();

    private static final String Q = "what is the acceptance rate at wellesley";

    private Path jsonl(String name, String... lines) throws Exception {
        return Files.writeString(tmp.resolve(name), String.join("\n", lines) + "\n");
    }

    private static String sample(String id, String query, String baseline, String perturbed, String term) {
        return "{\"id\":\"" + id + "\",\"kind\":\"TFC1\",\"qid\":\"1\",\"query\":\"" + query + "\",\"doc_id\":\"d\",\"baseline\":\"" + baseline
                + "\",\"perturbed\":[\"" + perturbed + "\"],\"term\":\"" + term + "\",\"meta\":{}}";
    }

    private void assertBad(CliRun r, String expectedStart, Path out) {
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.errorLine().startsWith("error: " + expectedStart), r.errorLine());
        assertEquals(1, r.err().lines().filter(l -> !l.isBlank()).count(), r.err());
        if (out != null) {
            assertFalse(Files.exists(out), "nothing written at " + out);
            try (var s = Files.list(out.getParent())) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("." + out.getFileName())), "no temporary left");
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void pairsThatCannotBeAlignedAreRefused() throws Exception {
        Path data = jsonl("bad.jsonl", sample("s1", Q, "cats are nice", "dogs are nice wellesley", "wellesley"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("circuits", "patch", "--model", model, "--data", data.toString(), "--targets", "head-z", "--out", out.toString());
        assertBad(r, data + ": pair s1#1 cannot be aligned: the baseline document is not a prefix", out);
        assertTrue(r.errorLine().contains("'cats' vs 'dogs'"), r.errorLine());
        CliRun tooLong = CliRun.of("circuits", "path-patch", "--model", model, "--data", jsonl("ok.jsonl",
                sample("s2", Q, "cats are nice", "cats are nice wellesley", "wellesley")).toString(), "--max-length", "12", "--out",
                out.toString());
        assertBad(tooLong, tmp.resolve("ok.jsonl") + ": pair s2#1 cannot be aligned: the perturbed input has 14 tokens, more than max length 12",
                out);
    }

    @Test
    void aSelectedTermThatIsNotInTheQueryIsRefused() throws Exception {
        Path data = jsonl("t.jsonl", sample("s1", Q, "cats are nice", "cats are nice zebra", "zebra"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("circuits", "discover", "--model", model, "--data", data.toString(), "--out", out.toString());
        assertBad(r, data + ":1: selected term 'zebra' is not a word of the query '" + Q + "'", out);
        // "ari" is not a word of "various ..." either (word-bounded, unlike substring matching)
        Path sub = jsonl("s.jsonl", sample("s1", "various colleges", "x", "x ari", "ari"));
        assertBad(CliRun.of("circuits", "patch", "--model", model, "--data", sub.toString(), "--out", out.toString()),
                sub + ":1: selected term 'ari' is not a word of the query", out);
    }

    @Test
    void headIndicesOutOfRangeAreRefused() throws Exception {
        Path data = jsonl("ok.jsonl", sample("s1", Q, "cats are nice", "cats are nice wellesley", "wellesley"));
        Path out = tmp.resolve("out");
        assertBad(CliRun.of("circuits", "patch", "--model", model, "--data", data.toString(), "--targets", "head-z-pos", "--heads", "2.12",
                "--out", out.toString()), "head 2.12: head index 12 is out of range (the model has heads 0..11 per layer)", out);
        assertBad(CliRun.of("circuits", "path-patch", "--model", model, "--data", data.toString(), "--receivers", "6.0", "--out",
                out.toString()), "head 6.0: layer 6 is out of range (the model has layers 0..5)", out);
        assertBad(CliRun.of("circuits", "path-patch", "--model", model, "--data", data.toString(), "--senders", "3.-1", "--out",
                out.toString()), "head 3.-1: head index -1 is out of range", out);
        assertBad(CliRun.of("circuits", "ablate", "--model", model, "--data", "tfc1=" + data, "--heads", "1.x", "--out", out.toString()),
                "bad head '1.x': write LAYER.HEAD, e.g. 10.1", out);
    }

    @Test
    void unknownHookNamesAreRefusedWithTheValidNames() throws Exception {
        Path data = jsonl("ok.jsonl", sample("s1", Q, "cats are nice", "cats are nice wellesley", "wellesley"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("circuits", "patch", "--model", model, "--data", data.toString(), "--targets", "hook:blocks.2.attn.hook_zz",
                "--out", out.toString());
        assertBad(r, "unknown hook 'blocks.2.attn.hook_zz'; valid names: hook_embed,", out);
        assertTrue(r.errorLine().contains("blocks.{l}.attn.hook_z") && r.errorLine().contains("(l = 0..5)"), r.errorLine());
        assertBad(CliRun.of("circuits", "patch", "--model", model, "--data", data.toString(), "--targets", "head-w", "--out",
                out.toString()), "unknown target 'head-w' (valid: resid, head-z", out);
    }

    @Test
    void badFilesOptionsAndRecipesAreRefused() throws Exception {
        Path out = tmp.resolve("out");
        assertBad(CliRun.of("circuits", "patch", "--model", model, "--data", tmp.resolve("none.jsonl").toString(), "--out", out.toString()),
                "missing file: " + tmp.resolve("none.jsonl"), out);
        Path trunc = Files.writeString(tmp.resolve("trunc.jsonl"), sample("s1", Q, "a", "a b", "wellesley").substring(0, 60));
        assertBad(CliRun.of("circuits", "patch", "--model", model, "--data", trunc.toString(), "--out", out.toString()),
                trunc + ":1: malformed JSON", out);
        Path noPert = jsonl("np.jsonl", "{\"id\":\"x\",\"kind\":\"TFC1\",\"qid\":\"1\",\"query\":\"q\",\"baseline\":\"b\",\"term\":\"q\"}");
        assertBad(CliRun.of("circuits", "patch", "--model", model, "--data", noPert.toString(), "--out", out.toString()),
                noPert + ":1: \"perturbed\" must be a non-empty array of strings", out);
        Path data = jsonl("ok.jsonl", sample("s1", Q, "cats are nice", "cats are nice wellesley", "wellesley"));
        assertBad(CliRun.of("circuits", "discover", "--model", model, "--data", data.toString(), "--receiver-input", "x", "--out",
                out.toString()), "--receiver-input must be q, k, v", out);
        assertBad(CliRun.of("circuits", "discover", "--model", model, "--data", data.toString(), "--threshold", "1.5", "--out",
                out.toString()), "--threshold must be in (0, 1], got 1.5", out);
        assertBad(CliRun.of("circuits", "patch", "--model", model, "--data", data.toString(), "--min-delta", "-1", "--out", out.toString()),
                "--min-delta must be 'auto' or a number >= 0", out);
        assertBad(CliRun.of("circuits", "patch", "--model", tmp.resolve("nomodel").toString(), "--data", data.toString(), "--out",
                out.toString()), "model directory not found: " + tmp.resolve("nomodel"), out);
        assertBad(CliRun.of("circuits", "build-dataset", "--model", model, "--source", "msmarco", "--out", out.toString()),
                "unknown --source 'msmarco'", out);
        assertBad(CliRun.of("circuits", "build-dataset", "--model", model, "--kinds", "tfc3", "--out", out.toString()),
                "unknown diagnostic kind 'tfc3'", out);
        assertBad(CliRun.of("circuits", "build-dataset", "--model", model, "--paper-dir", tmp.toString(), "--out", out.toString()),
                "missing file: " + tmp.resolve("tfc1_add_qids_with_text.csv"), out);
        Path recipe = Files.writeString(tmp.resolve("r.yaml"), "model: embedded\ndataset:\n  source: paper\ndiscover:\n  tresh: 0.3\n");
        assertBad(CliRun.of("circuits", "run", recipe.toString(), "--validate"), recipe + ": discover.tresh: unknown key (valid: data,", null);
        Path badYaml = Files.writeString(tmp.resolve("y.yaml"), "model: [embedded\n");
        assertBad(CliRun.of("circuits", "run", badYaml.toString()), "malformed YAML in " + badYaml, null);
        Path existing = Files.createDirectories(tmp.resolve("exists"));
        assertEquals(2, CliRun.of("circuits", "patch", "--model", model, "--data", data.toString(), "--out", existing.toString()).exit());
    }

    @Test
    void thePaperRecipeValidatesAndRefusesToRunWithoutItsModel() {
        Path recipe = dev.pathway.core.util.ProjectPaths.root().resolve("recipes/paper-circuits.yaml");
        CliRun v = CliRun.of("circuits", "run", recipe.toString(), "--validate");
        assertEquals(0, v.exit(), v.toString());
        assertTrue(v.out().contains("\"pairs\" : 2000"), v.out());
        assertTrue(v.out().contains("\"model\" : \"cross-encoder/ms-marco-MiniLM-L-12-v2\""), v.out());
        assertTrue(v.out().contains("\"model_available_locally\" : false"), v.out());
        CliRun r = CliRun.of("circuits", "run", recipe.toString(), "--out", tmp.resolve("run").toString());
        assertBad(r, "model 'cross-encoder/ms-marco-MiniLM-L-12-v2' of " + recipe + " is not a local checkpoint folder", tmp.resolve("run"));
        CliRun small = CliRun.of("circuits", "run", "--validate");
        assertEquals(0, small.exit(), small.toString());
        assertTrue(small.out().contains("circuits-small"), small.out());
    }
}
