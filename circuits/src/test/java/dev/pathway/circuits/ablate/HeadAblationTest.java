package dev.pathway.circuits.ablate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDManager;
import dev.pathway.circuits.Fixtures;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.align.PositionClass;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.hooks.Patch;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mean and zero ablation on the real MiniLM-L6, against hand-computed means and direct hooks. */
class HeadAblationTest {
    private final CrossEncoder model = Fixtures.model();

    private PairEncoding enc(String q, String d) {
        return model.tokenizer().encodePair(q, d, 512);
    }

    @Test
    void classMeansAreTheAverageOfZOverThePositionsOfEachClass() {
        List<PairEncoding> ref = List.of(enc("acceptance rate wellesley", "college rates are high"), enc("quebec city", "it is in canada ."));
        ClassMeans means = ClassMeans.compute(model, ref, Set.of(2));
        double[] query = new double[model.config().headDim()];
        int count = 0;
        for (PairEncoding e : ref) {
            try (NDManager m = model.manager().newSubManager(); ActivationCache c = new ActivationCache(m)) {
                model.forward(new EncodedBatch(List.of(e)).toNDList(m), Hooks.builder().cache(HookNames.layer(2).z()).build(), c);
                float[] z = c.get(HookNames.layer(2).z()).toFloatArray();
                for (int p = 1; p < e.firstSep(); p++) {
                    for (int k = 0; k < query.length; k++) {
                        query[k] += z[(p * 12 + 7) * query.length + k];
                    }
                    count++;
                }
            }
        }
        float[] got = means.mean(2, PositionClass.QUERY, 7);
        for (int k = 0; k < query.length; k++) {
            assertEquals(query[k] / count, got[k], 1e-5);
        }
    }

    @Test
    void meanAblationIsTheIdentityWhenEveryClassHasOnePositionAndTheReferenceIsTheInputItself() {
        // [CLS] q [SEP] d [SEP] with one query and one document token: each class mean is the value.
        PairEncoding one = enc("wellesley", "college");
        assertEquals(5, one.length());
        List<HeadId> heads = List.of(new HeadId(1, 3), new HeadId(4, 0), new HeadId(4, 11));
        ClassMeans means = ClassMeans.compute(model, List.of(one), HeadAblation.layers(heads));
        HeadAblation a = new HeadAblation(model, heads, AblationMode.MEAN, means, 8);
        assertArrayEquals(a.plainScores(List.of(one)), a.scores(List.of(one)), 1e-5f);
    }

    @Test
    void zeroAblationEqualsPatchingZToZeroAndBatchingKeepsInputOrder() {
        List<PairEncoding> in = List.of(enc("a long query about wellesley college admission", "acceptance rates in the usa are falling"),
                enc("quebec", "montreal"), enc("what is tosca", "tosca is a testing tool used for automation of tests"));
        List<HeadId> heads = List.of(new HeadId(0, 2), new HeadId(3, 5));
        float[] ablated = new HeadAblation(model, heads, AblationMode.ZERO, null, 2).scores(in);
        for (int i = 0; i < in.size(); i++) {
            try (NDManager m = model.manager().newSubManager()) {
                var inputs = new EncodedBatch(List.of(in.get(i))).toNDList(m);
                Hooks h = Hooks.builder()
                        .patch(HookNames.layer(0).z(), Patch.function((act, n, l) -> act.zerosLike()).heads(2))
                        .patch(HookNames.layer(3).z(), Patch.function((act, n, l) -> act.zerosLike()).heads(5))
                        .build();
                float direct = model.forward(inputs, h, null).toFloatArray()[0];
                assertEquals(direct, ablated[i], 1e-5, "input " + i);
                assertNotEquals(model.logits(inputs).toFloatArray()[0], direct);
            }
        }
    }
}
