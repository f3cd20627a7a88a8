package dev.pathway.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Collection;

/** Global L2 norm of gradients, and clipping to a maximum norm (as torch's clip_grad_norm_). */
public final class GradientNorm {
    private GradientNorm() {}

    /** The L2 norm over all the gradients (NaN or infinite if any is). */
    public static double of(Collection<NDArray> gradients) {
        double sum = 0;
        for (NDArray g : gradients) {
            // Every result lands in the gradient's manager, which is the model's: close them
            // all here, or each step leaks a model-sized array.
            try (NDManager scope = g.getManager().newSubManager()) {
                scope.tempAttachAll(g);
                sum += g.square().sum().toType(DataType.FLOAT64, false).getDouble();
            }
        }
        return Math.sqrt(sum);
    }

    /** Scales all gradients in place by maxNorm / norm when norm exceeds maxNorm. */
    public static void clip(Collection<NDArray> gradients, double norm, double maxNorm) {
        if (!(norm > maxNorm) || maxNorm <= 0) {
            return;
        }
        float scale = (float) (maxNorm / (norm + 1e-6));
        for (NDArray g : gradients) {
            g.muli(scale);
        }
    }
}
