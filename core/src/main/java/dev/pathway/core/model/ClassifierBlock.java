package dev.pathway.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import dev.pathway.core.config.BertConfig;

/** Classifier: W dropout(pooled) + b, to {@code num_labels} raw logits. */
final class ClassifierBlock extends ParamBlock {
    final Parameter weight;
    final Parameter bias;
    private final BertConfig c;

    ClassifierBlock(BertConfig c) {
        this.c = c;
        weight = param("weight", Parameter.Type.WEIGHT, c.numLabels(), c.hiddenSize());
        bias = param("bias", Parameter.Type.BIAS, c.numLabels());
    }

    NDArray forward(NDArray pooled, boolean training) {
        NDArray x = training && c.classifierDropout() > 0
                ? TrainingDropout.apply(pooled, c.classifierDropout())
                : pooled;
        return Linear.linear(x, w(weight), w(bias)).head();
    }
}
