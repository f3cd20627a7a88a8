package dev.pathway.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/** Mean squared error between sigmoid(logit) and the 0/1 label: the paper's fine-tuning loss. */
public final class MseSigmoidLoss extends Loss {
    public MseSigmoidLoss() {
        super("mse-sigmoid");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray x = predictions.head().reshape(-1);
        NDArray y = labels.head().reshape(-1).toType(x.getDataType(), false);
        return x.neg().exp().add(1).pow(-1).sub(y).square().mean();
    }
}
