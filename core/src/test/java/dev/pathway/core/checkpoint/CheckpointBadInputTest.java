package dev.pathway.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.ModelFixture;
import dev.pathway.core.TestModels;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a checkpoint can be broken gives one clear line that names the file or tensor. */
class CheckpointBadInputTest {
    @TempDir
    Path tmp;

    private static String loadError(Path dir) {
        UserInputException e = assertThrows(UserInputException.class, () -> Checkpoints.load(dir, Device.cpu()).close());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private Path withConfig(String name, Consumer<ObjectNode> edit) throws IOException {
        Path dir = tmp.resolve(name);
        Fixtures.copyFiles(TestModels.minilm(), dir);
        Files.copy(TestModels.minilm().resolve(Checkpoints.WEIGHTS), dir.resolve(Checkpoints.WEIGHTS));
        ObjectNode cfg = (ObjectNode) Json.read(dir.resolve(Checkpoints.CONFIG));
        edit.accept(cfg);
        Json.write(dir.resolve(Checkpoints.CONFIG), cfg);
        return dir;
    }

    private Path withWeightBytes(String name, byte[] bytes) throws IOException {
        Path dir = Fixtures.copyFiles(TestModels.minilm(), tmp.resolve(name));
        Files.write(dir.resolve(Checkpoints.WEIGHTS), bytes);
        return dir;
    }

    private static byte[] header(String json) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    @Test
    void missingDirectoryAndConfig() throws IOException {
        assertTrue(loadError(tmp.resolve("nowhere")).contains("checkpoint directory not found"));
        Path dir = withConfig("noconfig", c -> {});
        Files.delete(dir.resolve(Checkpoints.CONFIG));
        assertTrue(loadError(dir).contains("missing file: " + dir.resolve("config.json")));
    }

    @Test
    void malformedConfig() throws IOException {
        Path dir = withConfig("badjson", c -> {});
        Files.writeString(dir.resolve(Checkpoints.CONFIG), "{\"model_type\": \"bert\", ");
        assertTrue(loadError(dir).startsWith("malformed JSON in " + dir.resolve("config.json")));
        assertTrue(loadError(withConfig("nolayers", c -> c.remove("num_hidden_layers"))).contains("missing field 'num_hidden_layers'"));
        assertTrue(loadError(withConfig("strlayers", c -> c.put("num_hidden_layers", "six"))).contains("'num_hidden_layers' must be a positive integer"));
        assertTrue(loadError(withConfig("roberta", c -> c.put("model_type", "roberta"))).contains("model_type 'roberta' is not supported"));
        assertTrue(loadError(withConfig("arch", c -> c.putArray("architectures").add("BertForTokenClassification")))
                .contains("architecture 'BertForTokenClassification' is not supported"));
        assertTrue(loadError(withConfig("heads", c -> c.put("num_attention_heads", 7))).contains("not divisible"));
    }

    @Test
    void tokenizerThatDoesNotMatchTheEmbeddings() throws IOException {
        Path dir = withConfig("vocab", c -> c.put("vocab_size", 30000));
        assertTrue(loadError(dir).contains("the tokenizer has 30522 ids but the embedding matrix has 30000 rows"));
        Path noTok = withConfig("notok", c -> {});
        Files.delete(noTok.resolve(Checkpoints.TOKENIZER));
        assertTrue(loadError(noTok).contains("missing tokenizer file"));
    }

    @Test
    void brokenSafetensors() throws IOException {
        byte[] good = Files.readAllBytes(TestModels.minilm().resolve(Checkpoints.WEIGHTS));
        String truncated = loadError(withWeightBytes("truncated", Arrays.copyOf(good, good.length / 2)));
        assertTrue(truncated.contains("truncated file?"), truncated);
        assertTrue(loadError(withWeightBytes("tiny", new byte[] {1, 2, 3})).contains("too short for a header"));
        ByteBuffer huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        assertTrue(loadError(withWeightBytes("hugeheader", huge.array())).contains("is larger than the file"));
        assertTrue(loadError(withWeightBytes("notjson", header("not json at all"))).contains("header is not valid JSON"));
        assertTrue(loadError(withWeightBytes("array", header("[1,2]"))).contains("header is not a JSON object"));
        assertTrue(loadError(withWeightBytes("dtype", header("{\"x\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,1]}}")))
                .contains("unsupported dtype 'Q7'"));
        assertTrue(loadError(withWeightBytes("span", header("{\"x\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,8]}}")))
                .contains("needs 16"));
    }

    @Test
    void wrongShapeDtypeMissingAndExtraTensors() throws IOException {
        Path shape = Fixtures.copyWithTensors(TestModels.minilm(), tmp.resolve("shape"), ts -> ts.stream()
                .map(t -> t.name().equals("classifier.weight") ? new RawTensor(t.name(), t.dtype(), new long[] {384, 1}, t.data()) : t)
                .toList());
        assertTrue(loadError(shape).contains("tensor 'classifier.weight' has shape [384, 1] but the config expects [1, 384]"));
        Path dtype = Fixtures.copyWithTensors(TestModels.minilm(), tmp.resolve("dtype"), ts -> ts.stream()
                .map(t -> t.name().equals("classifier.bias") ? new RawTensor(t.name(), DType.I32, t.shape(), t.data()) : t)
                .toList());
        assertTrue(loadError(dtype).contains("has dtype I32; weights must be floating point"));
        Path missing = Fixtures.copyWithTensors(TestModels.minilm(), tmp.resolve("missing"), ts -> ts.stream()
                .filter(t -> !t.name().equals("bert.encoder.layer.4.output.dense.weight")).toList());
        assertTrue(loadError(missing).contains("missing tensors [bert.encoder.layer.4.output.dense.weight]"));
        Path extra = Fixtures.copyWithTensors(TestModels.minilm(), tmp.resolve("extra"), ts -> {
            List<RawTensor> out = new ArrayList<>(ts);
            out.add(new RawTensor("cls.predictions.bias", DType.F32, new long[] {1}, ByteBuffer.allocateDirect(4)));
            return out;
        });
        try (CrossEncoder m = Checkpoints.load(extra, Device.cpu())) {
            assertEquals(22_713_601L, m.parameters().values().stream().mapToLong(p -> p.getArray().size()).sum());
        }
    }

    @Test
    void pickleWeightsAreRefusedWithAConversionHint() throws IOException {
        Path dir = Fixtures.copyFiles(TestModels.minilm(), tmp.resolve("pickle"));
        Files.write(dir.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2});
        String msg = loadError(dir);
        assertTrue(msg.contains("pytorch_model.bin") && msg.contains("unpickling runs arbitrary code") && msg.contains("safe_serialization=True"), msg);
        Path none = Fixtures.copyFiles(TestModels.minilm(), tmp.resolve("noweights"));
        assertTrue(loadError(none).contains("missing weights file"));
    }

    @Test
    void outputDirectoriesAreNeverHalfWritten() throws IOException {
        CrossEncoder m = ModelFixture.minilm();
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        UserInputException exists = assertThrows(UserInputException.class, () -> Checkpoints.save(m, out, false, m.provenance()));
        assertTrue(exists.getMessage().contains("already exists (use --overwrite"));
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        UserInputException unwritable = assertThrows(UserInputException.class,
                () -> Checkpoints.save(m, file.resolve("sub"), false, m.provenance()));
        assertTrue(unwritable.getMessage().contains("cannot write output directory"), unwritable.getMessage());
        Path failing = tmp.resolve("failing");
        assertThrows(IllegalStateException.class, () -> AtomicDirectory.write(failing, false, d -> {
            Files.writeString(d.resolve("half"), "x");
            throw new IllegalStateException("disk full");
        }));
        assertFalse(Files.exists(failing));
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "temporary directory removed");
        }
        Checkpoints.save(m, out, true, m.provenance());
        assertTrue(Files.isRegularFile(out.resolve(Checkpoints.WEIGHTS)));
    }
}
