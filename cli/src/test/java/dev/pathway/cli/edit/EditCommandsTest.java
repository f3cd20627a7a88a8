package dev.pathway.cli.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.cli.CliRun;
import dev.pathway.cli.TestModels;
import dev.pathway.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code pathway edit ...} commands in-process: outputs, files, and every listed bad input. */
class EditCommandsTest {
    @TempDir
    Path tmp;

    static String model() {
        return TestModels.minilm().toString();
    }

    /** A failed run: exit 2, one "error: ..." line containing {@code expected}. */
    static void assertBadInput(CliRun r, String expected) {
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.errorLine().contains(expected), r.toString());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error: ")).count(), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
    }

    @Test
    void idfCorrelateAgainstTheMsmarcoTable() {
        Path out = tmp.resolve("corr");
        CliRun r = CliRun.of("edit", "idf-correlate", "--model", model(), "--idf", "msmarco", "--k", "3", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        Matcher m = Pattern.compile("(?m)^U0\\t[0-9.]+\\t(-?[0-9.]+)\\t(-?[0-9.]+)\\t28992$").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) < -0.5, "U0 pearson " + m.group(1));
        assertTrue(r.out().contains("U2\t"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("u0-vs-idf.png")));
        JsonNode j = Json.read(out.resolve("idf-correlation.json"));
        assertEquals(3, j.path("components").size());
        assertEquals(28992, j.path("components").get(0).path("tokens").asInt());
    }

    @Test
    void idfTableOfAnotherVocabularyIsRejected() throws IOException {
        Path bad = Files.writeString(tmp.resolve("cased.json"), "{\"Hello\": 3.0, \"the\": 1.2}");
        assertBadInput(CliRun.of("edit", "idf-correlate", "--model", model(), "--idf", "table:" + bad), "does not match the model's tokenizer");
        assertBadInput(CliRun.of("edit", "scale-idf", "--model", model(), "--idf", "table:" + bad, "--tokens", "aspirin", "--mode", "increase",
                "--scale", "2", "--out", tmp.resolve("x").toString()), "does not match the model's tokenizer");
        assertFalse(Files.exists(tmp.resolve("x")));
        assertBadInput(CliRun.of("edit", "idf-correlate", "--model", model(), "--idf", "table:" + tmp.resolve("none.json")), "not found");
        assertBadInput(CliRun.of("edit", "idf-correlate", "--model", model(), "--idf", "bm25"), "unknown IDF source");
    }

    @Test
    void scaleIdfWritesACheckpointAndListsUnknownWords() {
        Path out = tmp.resolve("edited");
        CliRun r = CliRun.of("edit", "scale-idf", "--model", model(), "--tokens", "aspirin,\u2603", "--tokens", "tokenization",
                "--mode", "increase", "--scale", "5", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("[UNK] pieces of 1 words: [\u2603]"), r.out());
        // bert-base-uncased has no "aspirin": its pieces as ##pi ##rin are all edited.
        assertTrue(r.out().contains("\tas\t") && r.out().contains("\t##pi\t") && r.out().contains("\t##rin\t"), r.out());
        JsonNode prov = Json.read(out.resolve("pathway.json"));
        JsonNode op = prov.path("operations").get(prov.path("operations").size() - 1);
        assertEquals("scale-idf", op.path("kind").asText());
        assertEquals("\u2603", op.path("params").path("unk_words").get(0).asText());
        assertTrue(Files.isRegularFile(out.resolve("model.safetensors")));
        // The target rule.
        CliRun t = CliRun.of("edit", "scale-idf", "--model", model(), "--tokens", "aspirin", "--mode", "target", "--target-idf", "3",
                "--out", tmp.resolve("target").toString());
        assertEquals(0, t.exit(), t.toString());
        JsonNode top = Json.read(tmp.resolve("target").resolve("pathway.json")).path("operations");
        assertEquals("target-idf", top.get(top.size() - 1).path("params").path("rule").path("rule").asText());
    }

    @Test
    void scaleIdfBadInputs() throws IOException {
        String out = tmp.resolve("never").toString();
        assertBadInput(CliRun.of("edit", "scale-idf", "--model", model(), "--tokens", "aspirin", "--mode", "increase", "--scale", "0", "--out", out),
                "scale must be a finite number > 0");
        assertBadInput(CliRun.of("edit", "scale-idf", "--model", model(), "--tokens", "aspirin", "--mode", "decrease", "--scale", "NaN", "--out", out),
                "scale must be a finite number > 0");
        assertBadInput(CliRun.of("edit", "scale-idf", "--model", model(), "--tokens", "aspirin", "--mode", "increase", "--out", out), "needs --scale");
        assertBadInput(CliRun.of("edit", "scale-idf", "--model", model(), "--tokens", "aspirin", "--mode", "sideways", "--scale", "2", "--out", out),
                "unknown --mode");
        assertBadInput(CliRun.of("edit", "scale-idf", "--model", model(), "--mode", "increase", "--scale", "2", "--out", out), "word list is empty");
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n\n");
        assertBadInput(CliRun.of("edit", "scale-idf", "--model", model(), "--words", empty.toString(), "--mode", "increase", "--scale", "2",
                "--out", out), "word list is empty");
        assertBadInput(CliRun.of("edit", "scale-idf", "--model", model(), "--tokens", "\u2603", "--mode", "increase", "--scale", "2", "--out", out),
                "all tokenize to [UNK]");
        assertFalse(Files.exists(tmp.resolve("never")));
    }

    @Test
    void alignIdfToCranfieldAndToAnEmptyCorpus() throws IOException {
        Path out = tmp.resolve("aligned");
        CliRun r = CliRun.of("edit", "align-idf", "--model", model(), "--corpus", "cranfield", "--k", "2", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        Matcher m = Pattern.compile("before (-?[0-9.]+), assigned (-?[0-9.]+), recomputed SVD of the edited W_E (-?[0-9.]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(-1.0, Double.parseDouble(m.group(2)), 1e-4);
        assertTrue(Double.parseDouble(m.group(3)) < Double.parseDouble(m.group(1)), r.out());
        JsonNode op = Json.read(out.resolve("pathway.json")).path("operations");
        assertEquals("align-idf", op.get(op.size() - 1).path("kind").asText());

        Path dir = Files.createDirectories(tmp.resolve("nodocs"));
        Files.writeString(dir.resolve("corpus.jsonl"), "");
        Files.writeString(dir.resolve("queries.jsonl"), "");
        assertBadInput(CliRun.of("edit", "align-idf", "--model", model(), "--corpus", dir.toString(), "--out", tmp.resolve("a2").toString()),
                "no documents");
        assertFalse(Files.exists(tmp.resolve("a2")));
        assertBadInput(CliRun.of("edit", "align-idf", "--model", model(), "--corpus", "cranfield", "--method", "magic", "--out",
                tmp.resolve("a3").toString()), "unknown --method");
    }

    @Test
    void idfCausalOnAFewQueries() throws IOException {
        Path q = Files.writeString(tmp.resolve("q.tsv"), "1\tcomputer science department number\n2\taspirin heart attack\n3\tvitamin\n");
        Path out = tmp.resolve("causal");
        CliRun r = CliRun.of("edit", "idf-causal", "--model", model(), "--queries", q.toString(), "--scales", "2,20", "--head", "1.8",
                "--k", "2", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("2 samples"), r.out());
        assertTrue(r.out().contains("(1 queries skipped)"), r.out());
        assertTrue(r.out().contains("increase\t20\t2\t"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("causal-scores.png")));
        assertTrue(Files.isRegularFile(out.resolve("causal-attention.png")));
        assertBadInput(CliRun.of("edit", "idf-causal", "--model", model(), "--queries", q.toString(), "--scales", "0", "--out", out.toString()),
                "scale");
        assertBadInput(CliRun.of("edit", "idf-causal", "--model", model(), "--queries", q.toString(), "--head", "9.0", "--out", out.toString()),
                "does not exist");
        Path one = Files.writeString(tmp.resolve("one.txt"), "vitamin\n");
        assertBadInput(CliRun.of("edit", "idf-causal", "--model", model(), "--queries", one.toString(), "--out", out.toString()), "none of the 1 queries");
    }

    @Test
    void downweightOnATinyCranfieldRunAndItsBadInputs() throws IOException {
        Path words = Files.writeString(tmp.resolve("words.txt"), "damn\nheck\n\u2603\n");
        Path out = tmp.resolve("dw");
        Path saved = tmp.resolve("dw-model");
        CliRun r = CliRun.of("edit", "downweight", "--model", model(), "--dataset", "cranfield", "--words", words.toString(), "--max-candidates", "4",
                "--min-rise", "-1000", "--max-length", "64", "--top-k", "2", "--scales", "10,100", "--k", "2", "--out", out.toString(),
                "--save-model", saved.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("4 adversarial samples kept of 4 candidates"), r.out());
        assertTrue(r.out().contains("[\u2603]"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("downweight.png")));
        assertEquals(3, Files.readAllLines(out.resolve("downweight.tsv")).size());
        JsonNode op = Json.read(saved.resolve("pathway.json")).path("operations");
        assertEquals("downweight", op.get(op.size() - 1).path("kind").asText());
        assertEquals(100.0, op.get(op.size() - 1).path("params").path("rule").path("scale").asDouble());

        Path phrases = Files.writeString(tmp.resolve("phrases.txt"), "two words\n");
        assertBadInput(CliRun.of("edit", "downweight", "--model", model(), "--words", phrases.toString(), "--out", out.toString()), "multi-word");
        assertBadInput(CliRun.of("edit", "downweight", "--model", model(), "--words", words.toString(), "--scales", "NaN", "--out", out.toString()),
                "scale");
        assertBadInput(CliRun.of("edit", "downweight", "--model", model(), "--words", words.toString(), "--save-scale", "3", "--out",
                out.toString()), "--save-scale needs --save-model");
    }

    @Test
    void benchEditPrintsATable() {
        CliRun r = CliRun.of("bench", "edit", "--dataset", "cranfield", "--repeat", "1", "--k", "2");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("operation\tmedian_s\truns_s\tdetail"), r.out());
        assertTrue(r.out().contains("SVD top-2 of W_E 30522x384\t"), r.out());
        assertTrue(r.out().contains("IDF over cranfield\t"), r.out());
        assertTrue(r.out().contains("scale-idf edit + checkpoint write\t"), r.out());
        assertBadInput(CliRun.of("bench", "edit", "--repeat", "0"), "--repeat");
    }
}
