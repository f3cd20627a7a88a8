package dev.pathway.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.pathway.core.engine.PathwayEngine;
import org.junit.jupiter.api.Test;

class TrainingDropoutTest {
    private static final int N = 1 << 20;

    /** Kept elements are scaled by exactly 1/(1-p), the rest are 0, and about 1-p are kept. */
    @Test
    void keepsOneMinusPAndScalesTheKeptElements() {
        try (NDManager m = PathwayEngine.newManager(Device.cpu())) {
            NDArray x = m.randomUniform(1f, 2f, new Shape(N));
            float[] in = x.toFloatArray();
            float[] out = TrainingDropout.apply(x, 0.1).toFloatArray();
            int kept = 0;
            for (int i = 0; i < N; i++) {
                if (out[i] != 0f) {
                    kept++;
                    assertEquals(in[i] * (float) (1 / 0.9), out[i], 1e-6f * out[i], "element " + i);
                }
            }
            // Binomial(N, 0.9): the standard deviation of the kept share is 3e-4; allow 6 of them.
            assertEquals(0.9, kept / (double) N, 6 * Math.sqrt(0.09 / N));
        }
    }

    /** The backward multiplies by the same mask: d sum(dropout(x)) / dx = dropout(x) / x. */
    @Test
    void theGradientIsTheScaledMask() {
        try (NDManager m = PathwayEngine.newManager(Device.cpu())) {
            NDArray x = m.randomUniform(1f, 2f, new Shape(4096));
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = PathwayEngine.get().newGradientCollector()) {
                y = TrainingDropout.apply(x, 0.25);
                gc.backward(y.sum());
            }
            float[] expected = y.div(x).toFloatArray();
            assertArrayEquals(expected, x.getGradient().toFloatArray(), 1e-6f);
        }
    }

    /** The masks come from PyTorch's global generator: the same seed draws the same mask. */
    @Test
    void theSameSeedDrawsTheSameMask() {
        try (NDManager m = PathwayEngine.newManager(Device.cpu())) {
            NDArray x = m.ones(new Shape(N));
            PathwayEngine.get().setRandomSeed(42);
            float[] first = TrainingDropout.apply(x, 0.1).toFloatArray();
            float[] other = TrainingDropout.apply(x, 0.1).toFloatArray();
            PathwayEngine.get().setRandomSeed(42);
            float[] again = TrainingDropout.apply(x, 0.1).toFloatArray();
            assertArrayEquals(first, again, 0f);
            assertEquals(false, java.util.Arrays.equals(first, other), "the next draw is another mask");
        }
    }

    @Test
    void zeroProbabilityIsTheIdentity() {
        try (NDManager m = PathwayEngine.newManager(Device.cpu())) {
            NDArray x = m.ones(new Shape(8));
            assertSame(x, TrainingDropout.apply(x, 0.0));
        }
    }
}
