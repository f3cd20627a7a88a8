package dev.pathway.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.HookRun;

/** BERT embeddings: LayerNorm(W_E[tok] + W_pos[pos] + W_type[type]), then dropout in training. */
final class EmbeddingsBlock extends ParamBlock {
    final Parameter word;
    final Parameter position;
    final Parameter tokenType;
    final Parameter lnWeight;
    final Parameter lnBias;
    private final BertConfig config;

    EmbeddingsBlock(BertConfig c) {
        this.config = c;
        word = param("word_embeddings.weight", Parameter.Type.WEIGHT, c.vocabSize(), c.hiddenSize());
        position = param("position_embeddings.weight", Parameter.Type.WEIGHT, c.maxPositions(), c.hiddenSize());
        tokenType = param("token_type_embeddings.weight", Parameter.Type.WEIGHT, c.typeVocabSize(), c.hiddenSize());
        lnWeight = param("LayerNorm.weight", Parameter.Type.GAMMA, c.hiddenSize());
        lnBias = param("LayerNorm.bias", Parameter.Type.BETA, c.hiddenSize());
    }

    /**
     * @param ids token ids [batch, pos]
     * @param wordTable the table the ids index: W_E, or a batch's own rows of it
     * @param types token type ids [batch, pos]
     * @param positions position ids [batch, pos]
     * @return the residual stream entering layer 0 [batch, pos, d_model]
     */
    NDArray forward(NDArray ids, NDArray wordTable, NDArray types, NDArray positions, HookRun run, boolean training) {
        NDArray embed = run.at(HookNames.EMBED, Embedding.embedding(ids, wordTable, SparseFormat.DENSE).head());
        NDArray pos = run.at(HookNames.POS_EMBED, Embedding.embedding(positions, w(position), SparseFormat.DENSE).head());
        NDArray type = run.at(HookNames.TOKEN_TYPE_EMBED, Embedding.embedding(types, w(tokenType), SparseFormat.DENSE).head());
        NDArray sum = embed.add(pos).add(type);
        NDArray out = LayerNorm.layerNorm(
                        sum, new Shape(config.hiddenSize()), w(lnWeight), w(lnBias), (float) config.layerNormEps())
                .head();
        if (training && config.hiddenDropout() > 0) {
            out = TrainingDropout.apply(out, config.hiddenDropout());
        }
        return run.at(HookNames.FULL_EMBED, out);
    }
}
