package dev.pathway.core.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.checkpoint.RawTensor;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.util.UserInputException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxImportTest {
    private static byte[] onnx;
    private static OnnxGraph graph;

    @BeforeAll
    static void read() {
        onnx = EmbeddedModel.onnxBytes();
        graph = OnnxGraph.parse(onnx, "embedded");
    }

    @Test
    void infersTheConfigAndNamesEveryWeight() {
        OnnxImporter.Converted c = OnnxImporter.convert(graph, "embedded", 0);
        BertConfig cfg = c.config();
        assertEquals(6, cfg.numLayers());
        assertEquals(12, cfg.numHeads());
        assertEquals(384, cfg.hiddenSize());
        assertEquals(1536, cfg.intermediateSize());
        assertEquals(30522, cfg.vocabSize());
        assertEquals(512, cfg.maxPositions());
        assertEquals(2, cfg.typeVocabSize());
        assertEquals(1e-12, cfg.layerNormEps(), 1e-15);
        // 5 embedding tensors + 16 per layer; the 36 anonymous MatMul weights are all named.
        assertEquals(5 + 16 * 6, c.tensors().size());
        assertTrue(c.tensors().keySet().stream().noneMatch(n -> n.startsWith("onnx::")));
        assertArrayEquals(new long[] {1536, 384}, c.tensors().get("bert.encoder.layer.2.intermediate.dense.weight").shape());
    }

    @Test
    void matmulWeightsAreTransposedToPyTorchLayout() {
        RawTensor stored = graph.initializers().get("onnx::MatMul_798"); // layer 0 intermediate, [384 in, 1536 out]
        RawTensor hf = OnnxImporter.convert(graph, "embedded", 0).tensors().get("bert.encoder.layer.0.intermediate.dense.weight");
        var s = stored.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        var t = hf.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (int[] ij : new int[][] {{0, 0}, {5, 1000}, {383, 1535}, {200, 7}}) {
            assertEquals(s.get(ij[0] * 1536 + ij[1]), t.get(ij[1] * 384 + ij[0]));
        }
    }

    @Test
    void corruptedFilesAreUserErrors(@TempDir Path tmp) {
        for (byte[] bad : new byte[][] {
                Arrays.copyOf(onnx, onnx.length / 3), new byte[0], randomBytes(4096), "not an onnx file".getBytes()}) {
            UserInputException e = assertThrows(UserInputException.class,
                    () -> OnnxImporter.importToCheckpoint(bad, "bad.onnx", EmbeddedModel.tokenizerBytes(), tmp.resolve("out"), false, 1, 0));
            assertTrue(e.getMessage().startsWith("bad.onnx: "), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("out")));
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(1).nextBytes(b);
        return b;
    }
}
