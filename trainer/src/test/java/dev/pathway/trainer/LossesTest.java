package dev.pathway.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.pathway.core.engine.PathwayEngine;
import dev.pathway.core.util.UserInputException;
import dev.pathway.trainer.loss.BinaryCrossEntropyLoss;
import dev.pathway.trainer.loss.ListwiseSoftmaxLoss;
import dev.pathway.trainer.loss.Losses;
import dev.pathway.trainer.loss.MseSigmoidLoss;
import org.junit.jupiter.api.Test;

/** Each loss against a hand computation on small values. */
class LossesTest {
    private static final float[] LOGITS = {2.0f, -1.0f, 0.5f, -3.0f};
    private static final float[] LABELS = {1, 0, 1, 0};

    private static double evaluate(ai.djl.training.loss.Loss loss) {
        try (NDManager m = PathwayEngine.newManager(ai.djl.Device.cpu())) {
            return loss.evaluate(new NDList(m.create(LABELS)), new NDList(m.create(LOGITS).reshape(4, 1))).getFloat();
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void binaryCrossEntropyOnLogits() {
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            double p = sigmoid(LOGITS[i]);
            expected += -(LABELS[i] * Math.log(p) + (1 - LABELS[i]) * Math.log(1 - p));
        }
        assertEquals(expected / 4, evaluate(new BinaryCrossEntropyLoss()), 1e-6);
    }

    @Test
    void bceIsStableForLargeLogits() {
        try (NDManager m = PathwayEngine.newManager(ai.djl.Device.cpu())) {
            float v = new BinaryCrossEntropyLoss().evaluate(new NDList(m.create(new float[] {0f})),
                    new NDList(m.create(new float[] {200f}).reshape(1, 1))).getFloat();
            assertEquals(200.0, v, 1e-3);
        }
    }

    @Test
    void mseOnSigmoid() {
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected += Math.pow(sigmoid(LOGITS[i]) - LABELS[i], 2);
        }
        assertEquals(expected / 4, evaluate(new MseSigmoidLoss()), 1e-6);
    }

    @Test
    void listwiseSoftmaxOverGroupsWithThePositiveFirst() {
        // groups (2.0, -1.0) and (0.5, -3.0): -log softmax(group)[0], averaged.
        double g1 = -Math.log(Math.exp(2.0) / (Math.exp(2.0) + Math.exp(-1.0)));
        double g2 = -Math.log(Math.exp(0.5) / (Math.exp(0.5) + Math.exp(-3.0)));
        assertEquals((g1 + g2) / 2, evaluate(new ListwiseSoftmaxLoss(2)), 1e-6);
    }

    @Test
    void namesAreValidated() {
        assertThrows(UserInputException.class, () -> Losses.byName("hinge", 2));
        assertThrows(IllegalArgumentException.class, () -> new ListwiseSoftmaxLoss(1));
        assertEquals("bce", Losses.byName("bce", 1).getName());
    }
}
