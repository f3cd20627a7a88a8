package dev.pathway.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.pathway.core.ModelFixture;
import dev.pathway.core.TestData;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pathway's encoder against an independent implementation: ONNX Runtime running the same ONNX
 * file. last_hidden_state must agree to 1e-4 on real NFCorpus pairs of many lengths, in padded
 * batches.
 */
class OnnxRuntimeParityTest {
    private static OrtEnvironment env;
    private static OrtSession session;

    @BeforeAll
    static void open() throws Exception {
        env = OrtEnvironment.getEnvironment();
        session = env.createSession(EmbeddedModel.onnxBytes(), new OrtSession.SessionOptions());
    }

    @AfterAll
    static void close() throws Exception {
        session.close();
    }

    private static List<PairEncoding> realPairs(int n, int maxLength) {
        CrossEncoder m = ModelFixture.minilm();
        List<String> queries = TestData.nfcorpusQueries(n);
        List<String> docs = TestData.nfcorpusDocs(n);
        List<PairEncoding> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Vary lengths: cut documents to different numbers of characters.
            String doc = docs.get(i).substring(0, Math.min(docs.get(i).length(), 20 + 45 * i));
            pairs.add(m.tokenizer().encodePair(queries.get(i), doc, maxLength));
        }
        return pairs;
    }

    private static float[] ort(EncodedBatch b) throws Exception {
        long[] shape = {b.size(), b.seqLen()};
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(b.ids()), shape);
                OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(b.mask()), shape);
                OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(b.typeIds()), shape);
                OrtSession.Result r = session.run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
            OnnxTensor out = (OnnxTensor) r.get("last_hidden_state").orElseThrow();
            float[] flat = new float[(int) (b.size() * b.seqLen() * 384)];
            out.getFloatBuffer().get(flat);
            return flat;
        }
    }

    private static float[] pathway(EncodedBatch b) {
        CrossEncoder m = ModelFixture.minilm();
        String last = HookNames.layer(m.config().numLayers() - 1).normalizedResidPost();
        try (NDManager nd = m.manager().newSubManager(); ActivationCache cache = new ActivationCache(nd)) {
            NDList in = b.toNDList(nd);
            m.forward(in, Hooks.builder().cache(last).build(), cache);
            NDArray h = cache.get(last);
            assertEquals(new ai.djl.ndarray.types.Shape(b.size(), b.seqLen(), 384), h.getShape());
            return h.toFloatArray();
        }
    }

    @Test
    void lastHiddenStateMatchesOnnxRuntimeOnPaddedBatches() throws Exception {
        List<PairEncoding> pairs = realPairs(24, 256);
        int distinctLengths = (int) pairs.stream().mapToInt(PairEncoding::length).distinct().count();
        assertTrue(distinctLengths >= 15, "pairs should cover many lengths, got " + distinctLengths);
        double worstReal = 0;
        double worstPadding = 0;
        for (int start = 0; start < pairs.size(); start += 8) {
            EncodedBatch batch = new EncodedBatch(pairs.subList(start, start + 8));
            float[] expected = ort(batch);
            float[] actual = pathway(batch);
            for (int i = 0; i < expected.length; i++) {
                int row = i / (batch.seqLen() * 384);
                int pos = (i / 384) % batch.seqLen();
                double d = Math.abs(expected[i] - actual[i]);
                if (pos < batch.pair(row).length()) {
                    worstReal = Math.max(worstReal, d);
                } else {
                    worstPadding = Math.max(worstPadding, d);
                }
            }
        }
        assertTrue(worstReal <= 1e-4, "max |pathway - ORT| over real tokens = " + worstReal);
        // Padding positions are never read downstream; they only need to be computed the same way.
        assertTrue(worstPadding <= 1e-3, "max |pathway - ORT| over padding = " + worstPadding);
    }

    @Test
    void paddingDoesNotChangeRealPositions() {
        List<PairEncoding> pairs = realPairs(6, 128);
        CrossEncoder m = ModelFixture.minilm();
        float[] batched = m.score(pairs);
        for (int i = 0; i < pairs.size(); i++) {
            float alone = m.score(List.of(pairs.get(i)))[0];
            assertEquals(alone, batched[i], 1e-5, "pair " + i);
        }
    }
}
