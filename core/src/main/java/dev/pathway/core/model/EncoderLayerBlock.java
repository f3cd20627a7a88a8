package dev.pathway.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.HookRun;

/**
 * One post-LayerNorm BERT block, as HuggingFace's {@code BertLayer}:
 *
 * <pre>
 * attn_out  = dropout(W_O z + b_O),  z = softmax(q k^T / sqrt(d_head) + mask) v
 * resid_mid = resid_pre + attn_out;   x = ln1(resid_mid)
 * mlp_out   = dropout(W_out gelu_erf(W_in x + b_in) + b_out)
 * resid_post = x + mlp_out;           out = ln2(resid_post)
 * </pre>
 */
final class EncoderLayerBlock extends ParamBlock {
    final Parameter qW;
    final Parameter qB;
    final Parameter kW;
    final Parameter kB;
    final Parameter vW;
    final Parameter vB;
    final Parameter oW;
    final Parameter oB;
    final Parameter ln1W;
    final Parameter ln1B;
    final Parameter inW;
    final Parameter inB;
    final Parameter outW;
    final Parameter outB;
    final Parameter ln2W;
    final Parameter ln2B;
    private final BertConfig c;
    private final HookNames.Layer names;
    private final Shape hidden;

    EncoderLayerBlock(BertConfig c, int layer) {
        this.c = c;
        this.names = HookNames.layer(layer);
        this.hidden = new Shape(c.hiddenSize());
        int d = c.hiddenSize();
        int m = c.intermediateSize();
        qW = param("attention.self.query.weight", Parameter.Type.WEIGHT, d, d);
        qB = param("attention.self.query.bias", Parameter.Type.BIAS, d);
        kW = param("attention.self.key.weight", Parameter.Type.WEIGHT, d, d);
        kB = param("attention.self.key.bias", Parameter.Type.BIAS, d);
        vW = param("attention.self.value.weight", Parameter.Type.WEIGHT, d, d);
        vB = param("attention.self.value.bias", Parameter.Type.BIAS, d);
        oW = param("attention.output.dense.weight", Parameter.Type.WEIGHT, d, d);
        oB = param("attention.output.dense.bias", Parameter.Type.BIAS, d);
        ln1W = param("attention.output.LayerNorm.weight", Parameter.Type.GAMMA, d);
        ln1B = param("attention.output.LayerNorm.bias", Parameter.Type.BETA, d);
        inW = param("intermediate.dense.weight", Parameter.Type.WEIGHT, m, d);
        inB = param("intermediate.dense.bias", Parameter.Type.BIAS, m);
        outW = param("output.dense.weight", Parameter.Type.WEIGHT, d, m);
        outB = param("output.dense.bias", Parameter.Type.BIAS, d);
        ln2W = param("output.LayerNorm.weight", Parameter.Type.GAMMA, d);
        ln2B = param("output.LayerNorm.bias", Parameter.Type.BETA, d);
    }

    /**
     * @param residPre [batch, pos, d_model]
     * @param additiveMask [batch, 1, 1, key_pos]: 0 for real keys, a huge negative for padding
     * @return the block output [batch, pos, d_model]
     */
    NDArray forward(NDArray residPre, NDArray additiveMask, HookRun run, boolean training) {
        NDArray resid = run.at(names.residPre(), residPre);
        long b = resid.getShape().get(0);
        long p = resid.getShape().get(1);

        NDArray attnOut;
        if (run.replacedWhole(names.attnOut()) && !touchesAttention(run, true)) {
            // attn_out is replaced by fixed values and nothing asks for the attention inside:
            // skip q, k, v, pattern and z (path patching freezes whole layers this way).
            attnOut = run.replacement(names.attnOut(), new Shape(b, p, c.hiddenSize()));
        } else {
            attnOut = attention(resid, additiveMask, run, training);
        }

        NDArray residMid = run.at(names.residMid(), resid.add(attnOut));
        NDArray x = run.at(names.normalizedResidMid(), layerNorm(residMid, ln1W, ln1B));
        NDArray pre = run.at(names.mlpPre(), Linear.linear(x, w(inW), w(inB)).head());
        NDArray post = run.at(names.mlpPost(), Activation.gelu(pre));
        NDArray mlpOut = Linear.linear(post, w(outW), w(outB)).head();
        if (training && c.hiddenDropout() > 0) {
            mlpOut = TrainingDropout.apply(mlpOut, c.hiddenDropout());
        }
        mlpOut = run.at(names.mlpOut(), mlpOut);
        NDArray residPost = run.at(names.residPost(), x.add(mlpOut));
        return run.at(names.normalizedResidPost(), layerNorm(residPost, ln2W, ln2B));
    }

    /** Multi-head attention of {@code resid}: the layer's {@code attn_out} [batch, pos, d_model]. */
    private NDArray attention(NDArray resid, NDArray additiveMask, HookRun run, boolean training) {
        long b = resid.getShape().get(0);
        long p = resid.getShape().get(1);
        int h = c.numHeads();
        int dh = c.headDim();
        Shape heads = new Shape(b, p, h, dh);
        NDArray z;
        if (run.replacedWhole(names.z()) && !touchesAttention(run, false)) {
            // z is replaced by fixed values: q, k, v and the pattern would be computed for nothing.
            z = run.replacement(names.z(), heads);
        } else {
            z = headOutputs(resid, additiveMask, run, training, heads, dh);
        }
        // hook_result is computed only when asked for. Only a patched result feeds attn_out; a
        // cached one is a side computation, so caching changes nothing bit for bit.
        NDArray attnOut = null;
        if (run.wants(names.result())) {
            NDArray result = run.at(names.result(), perHeadResult(z));
            if (run.patches(names.result())) {
                attnOut = result.sum(new int[] {2}).add(w(oB));
            }
        }
        if (attnOut == null) {
            attnOut = Linear.linear(z.reshape(b, p, c.hiddenSize()), w(oW), w(oB)).head();
        }
        if (training && c.hiddenDropout() > 0) {
            attnOut = TrainingDropout.apply(attnOut, c.hiddenDropout());
        }
        return run.at(names.attnOut(), attnOut);
    }

    /** q, k, v, scores, pattern and z of every head: z [batch, pos, head, d_head]. */
    private NDArray headOutputs(NDArray resid, NDArray additiveMask, HookRun run, boolean training, Shape heads, int dh) {
        NDArray q = run.at(names.q(), Linear.linear(resid, w(qW), w(qB)).head().reshape(heads));
        NDArray k = run.at(names.k(), Linear.linear(resid, w(kW), w(kB)).head().reshape(heads));
        NDArray v = run.at(names.v(), Linear.linear(resid, w(vW), w(vB)).head().reshape(heads));

        // [batch, head, query_pos, key_pos]. Scaling q (small) instead of the scores (large) and
        // adding the mask in place keep two [b, h, p, p] allocations out of every layer.
        NDArray scores = q.mul(1.0 / Math.sqrt(dh)).transpose(0, 2, 1, 3).matMul(k.transpose(0, 2, 3, 1));
        scores.addi(additiveMask);
        scores = run.at(names.attnScores(), scores);
        NDArray pattern = scores.softmax(-1);
        if (training && c.attentionDropout() > 0) {
            pattern = TrainingDropout.apply(pattern, c.attentionDropout());
        }
        pattern = run.at(names.pattern(), pattern);
        // [batch, head, pos, d_head] -> [batch, pos, head, d_head]
        return run.at(names.z(), pattern.matMul(v.transpose(0, 2, 1, 3)).transpose(0, 2, 1, 3));
    }

    /** Whether any hook inside the attention (before z, or up to the result) is cached or patched. */
    private boolean touchesAttention(HookRun run, boolean includeZ) {
        return run.wants(names.q()) || run.wants(names.k()) || run.wants(names.v()) || run.wants(names.attnScores())
                || run.wants(names.pattern()) || (includeZ && (run.wants(names.z()) || run.wants(names.result())));
    }

    /**
     * Each head's contribution to the residual stream, without the output bias: result[b,p,h,:] =
     * W_O[:, h*d_head:(h+1)*d_head] z[b,p,h,:]. Shape [batch, pos, head, d_model].
     */
    NDArray perHeadResult(NDArray z) {
        int h = c.numHeads();
        int dh = c.headDim();
        int d = c.hiddenSize();
        // W_O is [d_model, h*d_head]; per head [h, d_head, d_model]
        NDArray wo = w(oW).reshape(d, h, dh).transpose(1, 2, 0);
        // z [b,p,h,dh] -> [b,h,p,dh] x [h,dh,d] -> [b,h,p,d] -> [b,p,h,d]
        return z.transpose(0, 2, 1, 3).matMul(wo).transpose(0, 2, 1, 3);
    }

    private NDArray layerNorm(NDArray x, Parameter weight, Parameter bias) {
        return LayerNorm.layerNorm(x, hidden, w(weight), w(bias), (float) c.layerNormEps()).head();
    }

    /** The output projection's slice for one head: [d_model, d_head]. */
    NDArray headOutputWeight(int head) {
        int dh = c.headDim();
        return w(oW).get(new NDIndex(":, {}:{}", head * dh, (head + 1) * dh));
    }
}
