package dev.pathway.cli.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.cli.CliRun;
import dev.pathway.cli.TestModels;
import dev.pathway.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The circuits commands end to end on the embedded MiniLM-L6 and the paper's files, at toy sizes. */
class CircuitsCommandsTest {
    @TempDir
    Path tmp;

    private final String model = TestModels.minilm().toString();

    private static void assertFiles(Path dir, String... names) {
        for (String n : names) {
            assertTrue(Files.isRegularFile(dir.resolve(n)), "missing " + dir.resolve(n));
        }
    }

    @Test
    void buildPatchPathPatchDiscoverAblateAnalyze() throws Exception {
        Path ds = tmp.resolve("ds");
        CliRun b = CliRun.of("circuits", "build-dataset", "--model", model, "--queries", "3", "--docs-per-query", "1", "--max-length", "96",
                "--out", ds.toString());
        assertEquals(0, b.exit(), b.toString());
        assertFiles(ds, "tfc1.jsonl", "stmc1.jsonl", "tfc2.jsonl", "lnc1.jsonl", "manifest.json");
        assertEquals(3, Files.readAllLines(ds.resolve("lnc1.jsonl")).size());
        String tfc1 = ds.resolve("tfc1.jsonl").toString();

        Path patch = tmp.resolve("patch");
        CliRun p = CliRun.of("circuits", "patch", "--model", model, "--data", tfc1, "--pairs", "2", "--max-length", "96", "--targets",
                "head-z,hook:blocks.5.hook_mlp_out", "--out", patch.toString());
        assertEquals(0, p.exit(), p.toString());
        assertFiles(patch, "head-z.json", "head-z.csv", "head-z.png", "head-z-ratio.png", "hook-5_hook_mlp_out.json", "run.json");
        JsonNode hz = Json.read(patch.resolve("head-z.json"));
        assertEquals(2, hz.get("pairs").asInt());
        assertEquals(6, hz.get("mean_m").size());
        assertEquals(12, hz.get("ratio_of_means").get(0).size());
        assertEquals(1 + 72, Files.readAllLines(patch.resolve("head-z.csv")).size());

        Path pp = tmp.resolve("pp");
        CliRun q = CliRun.of("circuits", "path-patch", "--model", model, "--data", tfc1, "--pairs", "1", "--max-length", "96", "--senders",
                "heads,embed", "--receivers", "5.1", "--receiver-input", "qk", "--out", pp.toString());
        assertEquals(0, q.exit(), q.toString());
        JsonNode to = Json.read(pp.resolve("to-receivers.json"));
        assertEquals("embed", to.get("axes").get(0).get("labels").get(0).asText());
        assertTrue(to.get("ratio_of_means").get(6).get(0).isNull(), "layer-5 senders cannot reach a layer-5 receiver");

        Path disc = tmp.resolve("disc");
        CliRun d = CliRun.of("circuits", "discover", "--model", model, "--data", tfc1, "--pairs", "2", "--max-length", "96", "--depth", "1",
                "--max-receivers", "1", "--out", disc.toString());
        assertEquals(0, d.exit(), d.toString());
        assertFiles(disc, "circuit.json", "circuit.dot", "circuit.png", "step-0-logits.json", "step-0-logits.png");
        JsonNode c = Json.read(disc.resolve("circuit.json"));
        assertTrue(c.get("heads").size() >= 1, c.toString());
        assertEquals("logits", c.get("edges").get(0).get("to").asText());
        assertTrue(Files.readString(disc.resolve("circuit.dot")).startsWith("digraph circuit {"));

        Path abl = tmp.resolve("abl");
        CliRun a = CliRun.of("circuits", "ablate", "--model", model, "--data", "tfc1=" + tfc1 + ",stmc1=" + ds.resolve("stmc1.jsonl"),
                "--heads", "1.7,4.9", "--samples", "2", "--max-length", "96", "--out", abl.toString());
        assertEquals(0, a.exit(), a.toString());
        assertFiles(abl, "ablation.json", "ablation.csv", "ablation.png");
        JsonNode aj = Json.read(abl.resolve("ablation.json"));
        assertEquals(List.of("tfc1", "stmc1"), List.of(aj.get("sets").fieldNames().next(), "stmc1"));
        assertEquals(5, Files.readAllLines(abl.resolve("ablation.csv")).size());

        Path an = tmp.resolve("an");
        CliRun z = CliRun.of("circuits", "analyze", "--model", model, "--cosine", tfc1, "--idf-data", tfc1, "--tfc2",
                ds.resolve("tfc2.jsonl").toString(), "--lnc1", ds.resolve("lnc1.jsonl").toString(), "--matching-heads", "1.7,4.9",
                "--scoring-heads", "5.1", "--samples", "2", "--max-length", "96", "--out", an.toString());
        assertEquals(0, z.exit(), z.toString());
        assertFiles(an, "attention-cosine.json", "attention-cosine.csv", "attention-cosine.png", "cls-attention-idf.json",
                "cls-attention-idf.png", "tfc2-saturation.json", "tfc2-saturation-selected.png", "lnc1-length.json", "lnc1-length-others.png");
        JsonNode sat = Json.read(an.resolve("tfc2-saturation.json"));
        assertEquals(6, sat.get("x").size());
        assertEquals(0.0, sat.get("heads").get(0).get("selected").get(0).asDouble(), 0.0, "no occurrence, no attention to it");
        JsonNode cos = Json.read(an.resolve("attention-cosine.json"));
        assertTrue(cos.get("groups").has("matching") && cos.get("groups").has("others"), cos.toString());
    }
}
