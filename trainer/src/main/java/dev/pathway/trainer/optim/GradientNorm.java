package dev.pathway.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import java.util.Collection;

/** Global L2 norm of the gradients, and clipping to a maximum norm (as torch's clip_grad_norm_). */
public final class GradientNorm {
    private GradientNorm() {}

    /** The L2 norm over all gradients of the trainable parameters (NaN or infinite if any is). */
    public static double of(Collection<Parameter> trainable) {
        double sum = 0;
        for (Parameter p : trainable) {
            NDArray g = p.getArray().getGradient();
            // Every result lands in the gradient's manager, which is the model's: close them
            // all here, or each step leaks a model-sized array.
            try (NDManager scope = g.getManager().newSubManager()) {
                scope.tempAttachAll(g);
                sum += g.square().sum().toType(DataType.FLOAT64, false).getDouble();
            }
            g.close();
        }
        return Math.sqrt(sum);
    }

    /** Scales all gradients by maxNorm / norm when norm exceeds maxNorm. */
    public static void clip(Collection<Parameter> trainable, double norm, double maxNorm) {
        if (!(norm > maxNorm) || maxNorm <= 0) {
            return;
        }
        float scale = (float) (maxNorm / (norm + 1e-6));
        for (Parameter p : trainable) {
            NDArray g = p.getArray().getGradient();
            g.muli(scale);
            g.close();
        }
    }
}
