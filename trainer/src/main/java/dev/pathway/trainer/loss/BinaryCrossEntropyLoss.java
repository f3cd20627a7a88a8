package dev.pathway.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy on raw logits (the default), mean over pairs, in the numerically stable
 * form max(x, 0) - x*y + log(1 + exp(-|x|)).
 */
public final class BinaryCrossEntropyLoss extends Loss {
    public BinaryCrossEntropyLoss() {
        super("bce");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray x = predictions.head().reshape(-1);
        NDArray y = labels.head().reshape(-1).toType(x.getDataType(), false);
        return x.maximum(0).sub(x.mul(y)).add(x.abs().neg().exp().add(1).log()).mean();
    }
}
