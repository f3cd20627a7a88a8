package dev.pathway.cli.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.cli.CliRun;
import dev.pathway.cli.TestModels;
import dev.pathway.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pathway circuits linear} end to end at toy size, and every bad input: one error line, exit 2, nothing written. */
class LinearCommandTest {
    @TempDir
    Path tmp;

    private final String model = TestModels.minilm().toString();

    private Path circuit(String body) throws Exception {
        return Files.writeString(tmp.resolve("circuit.json"), body);
    }

    private static final String CIRCUIT = "{\"rule\":{},\"heads\":["
            + "{\"head\":\"5.1\",\"layer\":5,\"index\":1,\"level\":0,\"role\":\"scoring\",\"effect\":0.9},"
            + "{\"head\":\"1.7\",\"layer\":1,\"index\":7,\"level\":1,\"role\":\"matching\",\"effect\":0.5},"
            + "{\"head\":\"3.4\",\"layer\":3,\"index\":4,\"level\":1,\"role\":\"matching\",\"effect\":0.4}],\"edges\":[]}";

    @Test
    void writesResultsReportScatterAndTestPairs() throws Exception {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("circuits", "linear", "--model", model, "--circuit", circuit(CIRCUIT).toString(), "--datasets",
                "cranfield:all,diagnostic", "--max-queries", "8", "--min-samples", "10", "--max-length", "64", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        for (String f : new String[] {"results.json", "report.md", "scatter.png", "test-pairs.csv"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), "missing " + f);
        }
        JsonNode j = Json.read(out.resolve("results.json"));
        // the matching heads of the circuit, not its scoring head
        assertEquals("[\"1.7\",\"3.4\"]", j.at("/options/matching_heads").toString());
        assertEquals(5, j.at("/options/features_per_token").asInt());
        assertEquals(80, j.at("/datasets/0/pairs").asInt());
        assertEquals("all", j.at("/datasets/0/split").asText());
        assertEquals(80, j.at("/datasets/1/pairs").asInt());
        assertEquals(13, j.at("/run/seed").asInt());
        assertFalse(j.at("/run/model/weights_sha256").asText().isEmpty());
        assertTrue(j.get("groups").size() >= 1, j.toString());
        int testPairs = 0;
        for (JsonNode g : j.get("groups")) {
            assertEquals(5 * g.get("query_length").asInt(), g.get("features").asInt());
            assertTrue(g.get("train_pairs").asInt() + g.get("test_pairs").asInt() >= 10);
            testPairs += g.get("test_pairs").asInt();
        }
        // one CSV line per test pair, and the test queries of the CSV are those of results.json
        var lines = Files.readAllLines(out.resolve("test-pairs.csv"));
        assertEquals(testPairs + 1, lines.size());
        Set<String> csvQueries = new HashSet<>();
        lines.stream().skip(1).forEach(l -> csvQueries.add(l.split(",")[0] + "/" + l.split(",")[1]));
        Set<String> jsonQueries = new HashSet<>();
        j.get("groups").forEach(g -> g.get("test_query_keys").forEach(k -> jsonQueries.add(k.asText())));
        assertEquals(jsonQueries, csvQueries);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| Cross-encoder & SemanticBM |"), md);
        assertTrue(md.contains("| **nDCG@10** (judged test queries) | | |"), md);
        // The cross-encoder's agreement with itself is not a row; its nDCG is.
        assertTrue(j.at("/table2/ndcg@10/cross_encoder").has("median"));
    }

    private void assertBad(CliRun r, String expectedStart, Path out) {
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.errorLine().startsWith("error: " + expectedStart), r.errorLine());
        assertEquals(1, r.err().lines().filter(l -> !l.isBlank()).count(), r.err());
        assertFalse(Files.exists(out), "nothing written at " + out);
    }

    private CliRun linear(Path out, String... extra) {
        String[] base = {"circuits", "linear", "--model", model, "--max-length", "64", "--out", out.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRun.of(all);
    }

    @Test
    void badInputIsOneErrorLineAndExitCode2() throws Exception {
        Path out = tmp.resolve("out");
        Path missing = tmp.resolve("nope.json");
        assertBad(linear(out, "--circuit", missing.toString(), "--datasets", "diagnostic"), "circuit file not found: " + missing, out);
        Path malformed = Files.writeString(tmp.resolve("bad.json"), "{\"heads\": [ {\"head\": \"1.7\"");
        assertBad(linear(out, "--circuit", malformed.toString(), "--datasets", "diagnostic"), "malformed JSON in " + malformed, out);
        Path noHeads = Files.writeString(tmp.resolve("c2.json"), "{\"rule\":{}}");
        assertBad(linear(out, "--circuit", noHeads.toString(), "--datasets", "diagnostic"), noHeads + ": not a circuit.json", out);
        Path noMatching = Files.writeString(tmp.resolve("c3.json"),
                "{\"heads\":[{\"head\":\"5.1\",\"role\":\"scoring\"}],\"edges\":[]}");
        assertBad(linear(out, "--circuit", noMatching.toString(), "--datasets", "diagnostic"), noMatching + " has no matching heads", out);
        assertBad(linear(out, "--heads", "99.1", "--datasets", "diagnostic"), "head 99.1: layer 99 is out of range (the model has layers 0..5)",
                out);
        assertBad(linear(out, "--heads", "1.x", "--datasets", "diagnostic"), "bad head '1.x'", out);
        assertBad(linear(out, "--datasets", "diagnostic"), "give the matching heads: --circuit circuit.json or --heads L.H,...", out);
        assertBad(linear(out, "--heads", "1.7", "--datasets", "no/such/set"), "unknown data set 'no/such/set'", out);
        assertBad(linear(out, "--heads", "1.7", "--datasets", "cranfield:nosplit"), "data set cranfield has no split 'nosplit'", out);
        assertBad(linear(out, "--heads", "1.7", "--datasets", "diagnostic", "--max-queries", "3", "--min-samples", "1000"),
                "no query-length group has at least --min-samples 1000 pairs (30 pairs in all", out);
        assertBad(linear(out, "--heads", "1.7", "--datasets", "diagnostic", "--bm25-b", "1.5"), "token BM25 b must be in [0, 1], got 1.5", out);
        assertBad(linear(out, "--heads", "1.7", "--datasets", "diagnostic", "--bm25-avgdl", "x"), "--bm25-avgdl must be 'auto' or a number > 0",
                out);
    }
}
