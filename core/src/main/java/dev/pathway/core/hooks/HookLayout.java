package dev.pathway.core.hooks;

/**
 * The layout of an activation at a hook point: which axis holds the batch rows, the positions
 * and the heads, written out so nobody has to guess.
 */
public enum HookLayout {
    /** [batch, pos, d_model]: embeddings and the residual stream. */
    RESID("[batch, pos, d_model]", 1, -1),
    /** [batch, pos, d_mlp]: MLP hidden layer before / after GELU. */
    MLP_HIDDEN("[batch, pos, d_mlp]", 1, -1),
    /** [batch, pos, head, d_head]: per-head q, k, v and z. */
    HEAD_VECTORS("[batch, pos, head, d_head]", 1, 2),
    /** [batch, pos, head, d_model]: per-head contribution to the residual stream. */
    HEAD_RESULT("[batch, pos, head, d_model]", 1, 2),
    /** [batch, head, query_pos, key_pos]: attention scores and pattern; positions select query rows. */
    ATTENTION("[batch, head, query_pos, key_pos]", 2, 1),
    /** [batch, d_model]: the pooler output on [CLS]. */
    POOLED("[batch, d_model]", -1, -1),
    /** [batch, num_labels]: classifier logits. */
    LOGITS("[batch, num_labels]", -1, -1);

    private final String shape;
    private final int positionAxis;
    private final int headAxis;

    HookLayout(String shape, int positionAxis, int headAxis) {
        this.shape = shape;
        this.positionAxis = positionAxis;
        this.headAxis = headAxis;
    }

    public String shape() {
        return shape;
    }

    /** Axis of positions, or -1 where the activation has none. */
    public int positionAxis() {
        return positionAxis;
    }

    /** Axis of heads, or -1 where the activation has none. */
    public int headAxis() {
        return headAxis;
    }
}
