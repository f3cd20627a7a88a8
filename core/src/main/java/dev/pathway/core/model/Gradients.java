package dev.pathway.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Gradient housekeeping DJL's PyTorch engine leaves to the caller: PyTorch accumulates {@code
 * .grad} across backward passes and DJL's collector does not clear it (its zeroGradients only sees
 * arrays of the system manager), so every step must zero the gradients it reads.
 */
public final class Gradients {
    private Gradients() {}

    /** Sets the accumulated gradient of a parameter array to zero (in place; no-op without one). */
    public static void zero(NDArray param) {
        if (!param.hasGradient()) {
            return;
        }
        if (param instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else {
            NDArray g = param.getGradient();
            g.subi(g);
        }
    }
}
