package dev.pathway.core.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.pathway.core.tokenize.Tensors;
import dev.pathway.core.util.Seeds;
import java.util.Random;

/**
 * Initialises new parameters as HuggingFace's BERT does ({@code _init_weights}): weights
 * ~ N(0, 0.02), biases 0, LayerNorm gain 1 and shift 0. Values come from a Java RNG seeded per
 * parameter name, so the same seed gives the same weights on any engine or device.
 */
public final class FreshInit {
    public static final double STD = 0.02;

    private FreshInit() {}

    public static void apply(Parameter p, ai.djl.ndarray.types.Shape shape, String hfName, long seed, NDManager manager) {
        int n = Math.toIntExact(shape.size());
        float[] values = new float[n];
        switch (p.getType()) {
            case WEIGHT -> {
                Random r = new Random(Seeds.derive(seed, "fresh-init:" + hfName));
                for (int i = 0; i < n; i++) {
                    values[i] = (float) (r.nextGaussian() * STD);
                }
            }
            case GAMMA -> java.util.Arrays.fill(values, 1f);
            default -> { /* biases and LayerNorm shifts start at 0 */ }
        }
        WeightLoader.setArray(p, Tensors.owned(manager, values, shape));
    }
}
