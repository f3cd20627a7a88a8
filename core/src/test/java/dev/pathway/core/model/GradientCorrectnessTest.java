package dev.pathway.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.pathway.core.ModelFixture;
import dev.pathway.core.TestData;
import dev.pathway.core.engine.PathwayEngine;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gradients of the full model on the real MiniLM weights: finite, repeatable across runs, and
 * equal to central finite differences (in float64) on sampled coordinates of every kind of
 * parameter. This guards the failure a prototype showed: non-finite or 1e18 embedding gradients on
 * the first backward when every parameter trained.
 */
class GradientCorrectnessTest {
    private static final float[] LABELS = {1, 0, 1, 0, 1, 0};

    private static List<PairEncoding> pairs(CrossEncoder m, int n, int maxLen) {
        List<String> q = TestData.nfcorpusQueries(n);
        List<String> d = TestData.nfcorpusDocs(n);
        List<PairEncoding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(m.tokenizer().encodePair(q.get(i), d.get(i), maxLen - 5 * i));
        }
        return out;
    }

    /** Sum over the batch of binary cross-entropy on logits. */
    private static NDArray bceLoss(NDArray logits, NDArray labels) {
        NDArray x = logits.reshape(-1);
        return x.maximum(0).sub(x.mul(labels)).add(x.abs().neg().exp().add(1).log()).sum();
    }

    private static Map<String, double[]> gradients(CrossEncoder m, List<PairEncoding> batch) {
        Map<String, double[]> out = new HashMap<>();
        for (Parameter p : m.parameters().values()) {
            p.getArray().setRequiresGradient(true);
            Gradients.zero(p.getArray());
        }
        try (NDManager nd = m.manager().newSubManager()) {
            NDList in = new EncodedBatch(batch).toNDList(nd);
            NDArray labels = nd.create(java.util.Arrays.copyOf(LABELS, batch.size())).toType(m.parameters().values().iterator().next().getArray().getDataType(), false);
            try (GradientCollector gc = PathwayEngine.get().newGradientCollector()) {
                NDArray logits = m.block().forward(in, Hooks.none(), null, false);
                gc.backward(bceLoss(logits, labels));
            }
            for (Map.Entry<String, Parameter> e : m.parameters().entrySet()) {
                NDArray g = e.getValue().getArray().getGradient();
                out.put(e.getKey(), g.toType(DataType.FLOAT64, false).toDoubleArray());
                g.close();
            }
        } finally {
            for (Parameter p : m.parameters().values()) {
                p.getArray().setRequiresGradient(false);
            }
        }
        return out;
    }

    private static double loss(CrossEncoder m, List<PairEncoding> batch) {
        try (NDManager nd = m.manager().newSubManager()) {
            double[] logits = m.logits(new EncodedBatch(batch).toNDList(nd)).toType(DataType.FLOAT64, false).toDoubleArray();
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double x = logits[i];
                sum += Math.max(x, 0) - x * LABELS[i] + Math.log1p(Math.exp(-Math.abs(x)));
            }
            return sum;
        }
    }

    @Test
    void float32GradientsOfTheFullModelAreFiniteAndRepeatable() {
        CrossEncoder m = ModelFixture.minilm().copy(DataType.FLOAT32);
        try (m) {
            List<PairEncoding> batch = pairs(m, 6, 128);
            Map<String, double[]> first = gradients(m, batch);
            for (int run = 0; run < 3; run++) {
                Map<String, double[]> again = gradients(m, batch);
                for (Map.Entry<String, double[]> e : first.entrySet()) {
                    double[] a = e.getValue();
                    double[] b = again.get(e.getKey());
                    double maxAbs = 0;
                    for (int i = 0; i < a.length; i++) {
                        assertTrue(Double.isFinite(b[i]), e.getKey() + "[" + i + "] is " + b[i]);
                        maxAbs = Math.max(maxAbs, Math.abs(b[i]));
                        assertEquals(a[i], b[i], 1e-6 + 1e-4 * Math.abs(a[i]), e.getKey() + "[" + i + "] differs between runs");
                    }
                    assertTrue(maxAbs < 1e3, e.getKey() + " has a gradient of " + maxAbs);
                }
            }
        }
    }

    @Test
    void float64GradientsMatchCentralFiniteDifferences() {
        CrossEncoder m = ModelFixture.minilm().copy(DataType.FLOAT64);
        try (m) {
            List<PairEncoding> batch = pairs(m, 4, 40);
            Map<String, double[]> grads = gradients(m, batch);
            long tokenInBatch = batch.get(0).ids()[2];
            String[] names = {
                "bert.embeddings.word_embeddings.weight", "bert.embeddings.position_embeddings.weight",
                "bert.embeddings.token_type_embeddings.weight", "bert.embeddings.LayerNorm.weight",
                "bert.encoder.layer.0.attention.self.query.weight", "bert.encoder.layer.0.attention.self.key.bias",
                "bert.encoder.layer.2.attention.self.value.weight", "bert.encoder.layer.3.attention.output.dense.weight",
                "bert.encoder.layer.4.intermediate.dense.weight", "bert.encoder.layer.5.output.dense.bias",
                "bert.encoder.layer.5.output.LayerNorm.weight", "bert.pooler.dense.weight", "classifier.weight", "classifier.bias"};
            java.util.Random r = new java.util.Random(7);
            int checked = 0;
            for (String name : names) {
                NDArray w = m.parameters().get(name).getArray();
                long[] shape = w.getShape().getShape();
                for (int k = 0; k < 2; k++) {
                    long row = name.contains("word_embeddings") ? tokenInBatch
                            : name.contains("position") ? r.nextInt(30)
                            : name.contains("token_type") ? r.nextInt(2) : (shape.length == 2 ? r.nextInt((int) shape[0]) : 0);
                    long col = shape.length == 2 ? r.nextInt((int) shape[1]) : r.nextInt((int) shape[0]);
                    NDIndex at = shape.length == 2 ? new NDIndex(row, col) : new NDIndex(col);
                    int flat = (int) (shape.length == 2 ? row * shape[1] + col : col);
                    double orig = w.get(at).getDouble();
                    double h = 1e-5;
                    w.set(at, orig + h);
                    double up = loss(m, batch);
                    w.set(at, orig - h);
                    double down = loss(m, batch);
                    w.set(at, orig);
                    double numeric = (up - down) / (2 * h);
                    double analytic = grads.get(name)[flat];
                    assertEquals(numeric, analytic, 1e-7 + 1e-4 * Math.abs(numeric), name + "[" + row + "," + col + "]");
                    checked++;
                }
            }
            assertEquals(names.length * 2, checked);
        }
    }
}
