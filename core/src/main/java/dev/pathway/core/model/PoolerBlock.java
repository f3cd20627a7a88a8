package dev.pathway.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import dev.pathway.core.config.BertConfig;

/** BERT pooler: tanh(W h[CLS] + b) on position 0. */
final class PoolerBlock extends ParamBlock {
    final Parameter weight;
    final Parameter bias;

    PoolerBlock(BertConfig c) {
        weight = param("dense.weight", Parameter.Type.WEIGHT, c.hiddenSize(), c.hiddenSize());
        bias = param("dense.bias", Parameter.Type.BIAS, c.hiddenSize());
    }

    /** @param hidden final block output [batch, pos, d_model]; returns [batch, d_model]. */
    NDArray forward(NDArray hidden) {
        NDArray cls = hidden.get(new NDIndex(":, 0, :"));
        return Linear.linear(cls, w(weight), w(bias)).head().tanh();
    }
}
