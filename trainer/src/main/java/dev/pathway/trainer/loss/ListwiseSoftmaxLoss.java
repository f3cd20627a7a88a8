package dev.pathway.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;

/**
 * Listwise softmax cross-entropy: the batch is a sequence of groups of {@code groupSize} pairs,
 * each a positive followed by its negatives; the loss is -log softmax(group)[positive], mean over
 * groups.
 */
public final class ListwiseSoftmaxLoss extends Loss {
    private final int groupSize;

    public ListwiseSoftmaxLoss(int groupSize) {
        super("listwise-softmax");
        if (groupSize < 2) {
            throw new IllegalArgumentException("a listwise loss needs at least one negative per positive");
        }
        this.groupSize = groupSize;
    }

    public int groupSize() {
        return groupSize;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray x = predictions.head().reshape(-1, groupSize);
        return x.logSoftmax(1).get(new NDIndex(":, 0")).neg().mean();
    }
}
