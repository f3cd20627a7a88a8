package dev.pathway.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.pathway.core.ModelFixture;
import dev.pathway.core.TestData;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.tokenize.EncodedBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pooler and classifier against a hand computation in double precision: tanh(W h_cls + b), then w.x + b. */
class HeadComputationTest {
    @Test
    void poolerAndClassifierMatchAHandComputation() {
        CrossEncoder m = ModelFixture.minilm();
        try (NDManager nd = m.manager().newSubManager(); ActivationCache cache = new ActivationCache(nd)) {
            List<String> q = TestData.nfcorpusQueries(3);
            List<String> d = TestData.nfcorpusDocs(3);
            NDList in = new EncodedBatch(List.of(
                    m.tokenizer().encodePair(q.get(0), d.get(0), 64),
                    m.tokenizer().encodePair(q.get(1), d.get(1), 40),
                    m.tokenizer().encodePair(q.get(2), d.get(2), 80))).toNDList(nd);
            String last = HookNames.layer(m.config().numLayers() - 1).normalizedResidPost();
            float[] logits = m.forward(in, Hooks.builder().cache(last, HookNames.POOLER_OUT).build(), cache).toFloatArray();
            float[] hidden = cache.get(last).toFloatArray();
            float[] pooled = cache.get(HookNames.POOLER_OUT).toFloatArray();
            float[] pw = m.parameters().get("bert.pooler.dense.weight").getArray().toFloatArray();
            float[] pb = m.parameters().get("bert.pooler.dense.bias").getArray().toFloatArray();
            float[] cw = m.parameters().get("classifier.weight").getArray().toFloatArray();
            float cb = m.parameters().get("classifier.bias").getArray().toFloatArray()[0];
            int d384 = 384;
            int seq = (int) cache.get(last).getShape().get(1);
            for (int b = 0; b < 3; b++) {
                double logit = cb;
                for (int o = 0; o < d384; o++) {
                    double acc = pb[o];
                    for (int i = 0; i < d384; i++) {
                        acc += (double) pw[o * d384 + i] * hidden[b * seq * d384 + i]; // position 0 = [CLS]
                    }
                    double p = Math.tanh(acc);
                    assertEquals(p, pooled[b * d384 + o], 1e-5, "pooled[" + b + "][" + o + "]");
                    logit += cw[o] * p;
                }
                assertEquals(logit, logits[b], 1e-5, "logit of row " + b);
            }
        }
    }
}
