package dev.pathway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
    @TempDir
    Path tmp;

    private static final String Q = "what is the acceptance rate at wellesley";
    private static final String D = "College acceptance rates in the USA are becoming more competitive.";

    private static float direct(String q, String d) {
        try (CrossEncoder m = Checkpoints.load(TestModels.minilm(), Device.cpu())) {
            return m.score(List.of(m.tokenizer().encodePair(q, d, 512)))[0];
        }
    }

    @Test
    void scoresInlinePairsWithSigmoid() {
        CliRun r = CliRun.of("score", "--model", TestModels.minilm().toString(), "--query", Q, "--doc", D, "--doc", "wellesley", "--sigmoid");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("row\tlogit\tsigmoid", lines.get(0));
        assertEquals(3, lines.size());
        String[] f = lines.get(1).split("\t");
        float logit = Float.parseFloat(f[1]);
        assertEquals(direct(Q, D), logit, 1e-5);
        assertEquals(1 / (1 + Math.exp(-logit)), Float.parseFloat(f[2]), 1e-6);
    }

    @Test
    void scoresTsvAndJsonlFilesInInputOrder() throws Exception {
        Path tsv = Files.writeString(tmp.resolve("pairs.tsv"), Q + "\t" + D + "\n\n" + "short\tx\n");
        Path jsonl = Files.writeString(tmp.resolve("pairs.jsonl"),
                "{\"query\":\"" + Q + "\",\"doc\":\"" + D + "\"}\n{\"query\":\"short\",\"document\":\"x\"}\n");
        Path out = tmp.resolve("scores.tsv");
        CliRun a = CliRun.of("score", "--model", TestModels.minilm().toString(), "--input", tsv.toString(), "--output", out.toString());
        assertEquals(0, a.exit(), a.toString());
        CliRun b = CliRun.of("score", "--model", TestModels.minilm().toString(), "--input", jsonl.toString());
        assertEquals(Files.readString(out), b.out());
        assertEquals(direct("short", "x"), Float.parseFloat(b.out().lines().toList().get(2).split("\t")[1]), 1e-5);
    }

    @Test
    void badInputFilesExitTwoWithTheLine() throws Exception {
        String model = TestModels.minilm().toString();
        Path tsv = Files.writeString(tmp.resolve("bad.tsv"), "q\td\nonly-one-field\n");
        CliRun r = CliRun.of("score", "--model", model, "--input", tsv.toString(), "--output", tmp.resolve("o.tsv").toString());
        assertEquals(2, r.exit());
        assertEquals("error: " + tsv + ":2: expected 2 tab-separated fields (query, document), found 1", r.errorLine());
        assertFalse(Files.exists(tmp.resolve("o.tsv")), "no partial output");
        Path json = Files.writeString(tmp.resolve("bad.jsonl"), "{\"query\":\"q\",\"doc\":\"d\"}\n{\"query\": \n");
        assertTrue(CliRun.of("score", "--model", model, "--input", json.toString()).errorLine().contains(json + ":2: malformed JSON"));
        Path wrong = Files.writeString(tmp.resolve("wrong.jsonl"), "{\"query\":1,\"doc\":\"d\"}\n");
        assertTrue(CliRun.of("score", "--model", model, "--input", wrong.toString()).errorLine().contains("expected string fields"));
        Path empty = Files.writeString(tmp.resolve("empty.tsv"), "\n");
        assertTrue(CliRun.of("score", "--model", model, "--input", empty.toString()).errorLine().contains("no pairs"));
        Path binary = Files.write(tmp.resolve("bin.tsv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals(2, CliRun.of("score", "--model", model, "--input", binary.toString()).exit());
        assertTrue(CliRun.of("score", "--model", model, "--input", tmp.resolve("none.tsv").toString()).errorLine().contains("missing file"));
        assertEquals(2, CliRun.of("score", "--model", model, "--query", "q", "--doc", "d", "--batch-size", "0").exit());
        assertEquals(2, CliRun.of("score", "--model", model, "--query", "q", "--doc", "d", "--max-length", "2").exit());
        assertEquals(2, CliRun.of("score", "--model", model).exit());
    }
}
