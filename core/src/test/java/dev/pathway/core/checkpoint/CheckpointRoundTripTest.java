package dev.pathway.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.ModelFixture;
import dev.pathway.core.TestModels;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Sha256;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointRoundTripTest {
    @TempDir
    Path tmp;

    private static byte[] bytes(RawTensor t) {
        ByteBuffer b = t.data().duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void saveThenLoadIsBitExactAndRecordsTheParent() throws Exception {
        CrossEncoder original = ModelFixture.minilm();
        Path out = tmp.resolve("copy");
        Provenance prov = original.provenance().child(TestModels.minilm(), original.weightsSha256())
                .withOperation("test-copy", null, 3L, null);
        Checkpoints.save(original, out, false, prov);
        Map<String, RawTensor> a = SafeTensors.read(TestModels.minilm().resolve(Checkpoints.WEIGHTS));
        Map<String, RawTensor> b = SafeTensors.read(out.resolve(Checkpoints.WEIGHTS));
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(bytes(a.get(name)), bytes(b.get(name)), name);
            assertArrayEquals(a.get(name).shape(), b.get(name).shape(), name);
        }
        try (CrossEncoder reloaded = Checkpoints.load(out, Device.cpu())) {
            assertEquals(original.config().toJson(), reloaded.config().toJson());
            assertEquals(Sha256.of(out.resolve(Checkpoints.WEIGHTS)), reloaded.weightsSha256());
            Checkpoints.save(reloaded, tmp.resolve("copy2"), false, reloaded.provenance());
        }
        // Same weights, same bytes: the writer is deterministic.
        assertArrayEquals(Files.readAllBytes(out.resolve(Checkpoints.WEIGHTS)),
                Files.readAllBytes(tmp.resolve("copy2").resolve(Checkpoints.WEIGHTS)));
        JsonNode p = Json.read(out.resolve(Provenance.FILE));
        assertEquals(original.weightsSha256(), p.path("parent").path("weights_sha256").asText());
        assertEquals(Sha256.of(out.resolve(Checkpoints.WEIGHTS)), p.path("weights_sha256").asText());
        List<String> kinds = new ArrayList<>();
        p.path("operations").forEach(op -> kinds.add(op.path("kind").asText()));
        assertEquals(List.of("import-onnx", "init-fresh-head", "test-copy"), kinds);
        assertEquals(3, p.path("operations").get(2).path("seed").asInt());
        assertTrue(Files.isRegularFile(out.resolve(Checkpoints.TOKENIZER)));
        assertTrue(Files.isRegularFile(out.resolve(Checkpoints.TOKENIZER_CONFIG)));
        try (var s = Files.list(tmp)) {
            assertEquals(2, s.count(), "no temporary directories left behind");
        }
    }

    @Test
    void namesWithoutTheBertPrefixAndHalfPrecisionLoad() throws Exception {
        Path dir = Fixtures.copyWithTensors(TestModels.minilm(), tmp.resolve("noprefix"), tensors -> {
            List<RawTensor> out = new ArrayList<>();
            for (RawTensor t : tensors) {
                String name = t.name().startsWith("bert.") ? t.name().substring(5) : t.name();
                out.add(name.equals("pooler.dense.bias") ? Fixtures.toF16(t, name) : new RawTensor(name, t.dtype(), t.shape(), t.data()));
            }
            return out;
        });
        try (CrossEncoder m = Checkpoints.load(dir, Device.cpu())) {
            float[] original = ModelFixture.minilm().parameters().get("bert.encoder.layer.3.attention.self.key.weight").getArray().toFloatArray();
            assertArrayEquals(original, m.parameters().get("bert.encoder.layer.3.attention.self.key.weight").getArray().toFloatArray(), 0f);
            float[] bias = ModelFixture.minilm().parameters().get("bert.pooler.dense.bias").getArray().toFloatArray();
            float[] half = m.parameters().get("bert.pooler.dense.bias").getArray().toFloatArray();
            for (int i = 0; i < bias.length; i++) {
                assertEquals(bias[i], half[i], Math.abs(bias[i]) * 1e-3 + 1e-7);
            }
        }
    }

    @Test
    void safetensorsWriterOutputIsReadableByTheFormatRules() throws Exception {
        Path f = tmp.resolve("t.safetensors");
        ByteBuffer data = ByteBuffer.allocateDirect(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(1f).putFloat(2f).putFloat(-3f).flip();
        SafeTensors.write(f, List.of(new RawTensor("x", DType.F32, new long[] {3}, data)), Map.of());
        byte[] all = Files.readAllBytes(f);
        long headerLen = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + headerLen) % 8, "data starts 8-byte aligned");
        JsonNode header = Json.MAPPER.readTree(new String(all, 8, (int) headerLen, java.nio.charset.StandardCharsets.UTF_8).trim());
        assertEquals("pt", header.path("__metadata__").path("format").asText());
        assertEquals("[0,12]", header.path("x").path("data_offsets").toString());
        assertEquals(8 + headerLen + 12, all.length);
        RawTensor back = SafeTensors.read(f).get("x");
        assertEquals(-3f, back.data().order(ByteOrder.LITTLE_ENDIAN).getFloat(8));
    }
}
