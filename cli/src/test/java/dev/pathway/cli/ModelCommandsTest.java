package dev.pathway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void infoDescribesTheCheckpoint() {
        CliRun r = CliRun.of("model", "info", TestModels.minilm().toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("BERT 6 layers, hidden 384, 12 heads x 32"), r.out());
        assertTrue(r.out().matches("(?s).*embeddings\\.word\\s+11,720,448.*"), r.out());
        assertTrue(r.out().matches("(?s).*total\\s+22,713,601.*"), r.out());
        assertTrue(r.out().contains("init-fresh-head"), r.out());
        CliRun json = CliRun.of("model", "info", "--json", TestModels.minilm().toString());
        assertTrue(json.out().contains("\"total\" : 22713601"), json.out());
    }

    @Test
    void importOnnxRefusesToOverwriteAndRejectsCorruptedFiles() throws Exception {
        Path out = tmp.resolve("m");
        Files.createDirectories(out);
        CliRun exists = CliRun.of("model", "import-onnx", "--out", out.toString());
        assertEquals(2, exists.exit(), exists.toString());
        assertTrue(exists.errorLine().contains("already exists (use --overwrite"), exists.toString());
        Path bad = Files.write(tmp.resolve("bad.onnx"), new byte[] {8, 1, 58, (byte) 200, 1});
        Path tok = TestModels.minilm().resolve("tokenizer.json");
        CliRun corrupted = CliRun.of("model", "import-onnx", "--onnx", bad.toString(), "--tokenizer", tok.toString(), "--out", tmp.resolve("n").toString());
        assertEquals(2, corrupted.exit(), corrupted.toString());
        assertTrue(corrupted.errorLine().contains("corrupted ONNX file"), corrupted.toString());
        assertFalse(Files.exists(tmp.resolve("n")));
        CliRun half = CliRun.of("model", "import-onnx", "--onnx", bad.toString(), "--out", tmp.resolve("n").toString());
        assertEquals(2, half.exit());
        assertTrue(half.errorLine().contains("--onnx and --tokenizer go together"));
        CliRun missing = CliRun.of("model", "import-onnx", "--onnx", tmp.resolve("none.onnx").toString(), "--tokenizer", tok.toString(),
                "--out", tmp.resolve("n").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.errorLine().contains("missing file"));
    }

    @Test
    void infoOnAMissingOrBrokenCheckpointExitsTwo() throws Exception {
        CliRun r = CliRun.of("model", "info", tmp.resolve("nothing").toString());
        assertEquals(2, r.exit());
        assertTrue(r.errorLine().contains("checkpoint directory not found"), r.toString());
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("config.json"), "{");
        CliRun b = CliRun.of("model", "info", broken.toString());
        assertEquals(2, b.exit());
        assertTrue(b.errorLine().startsWith("error: malformed JSON in"), b.toString());
    }

    @Test
    void fetchFromAnUnreachableHubFailsFast() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.of("model", "fetch", "org/name", "--endpoint", "http://127.0.0.1:" + port, "--out", tmp.resolve("f").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.errorLine().contains("cannot reach"), r.toString());
    }
}
