package dev.pathway.core.hooks;

/** The hook names, built once. Per-layer names come from {@link #layer(int)}. */
public final class HookNames {
    public static final String EMBED = "hook_embed";
    public static final String POS_EMBED = "hook_pos_embed";
    public static final String TOKEN_TYPE_EMBED = "hook_token_type_embed";
    public static final String FULL_EMBED = "hook_full_embed";
    public static final String POOLER_OUT = "pooler.hook_out";
    public static final String LOGITS = "hook_logits";

    private static final Layer[] CACHE = new Layer[64];

    private HookNames() {}

    /** The names of layer {@code l}'s hooks. */
    public static Layer layer(int l) {
        if (l < CACHE.length) {
            Layer n = CACHE[l];
            if (n == null) {
                n = new Layer(l);
                CACHE[l] = n;
            }
            return n;
        }
        return new Layer(l);
    }

    /** Hook names of one layer, e.g. {@code blocks.3.attn.hook_z}. */
    public record Layer(
            int index,
            String residPre,
            String q,
            String k,
            String v,
            String attnScores,
            String pattern,
            String z,
            String result,
            String attnOut,
            String residMid,
            String normalizedResidMid,
            String mlpPre,
            String mlpPost,
            String mlpOut,
            String residPost,
            String normalizedResidPost) {

        Layer(int l) {
            this(
                    l,
                    "blocks." + l + ".hook_resid_pre",
                    "blocks." + l + ".attn.hook_q",
                    "blocks." + l + ".attn.hook_k",
                    "blocks." + l + ".attn.hook_v",
                    "blocks." + l + ".attn.hook_attn_scores",
                    "blocks." + l + ".attn.hook_pattern",
                    "blocks." + l + ".attn.hook_z",
                    "blocks." + l + ".attn.hook_result",
                    "blocks." + l + ".hook_attn_out",
                    "blocks." + l + ".hook_resid_mid",
                    "blocks." + l + ".hook_normalized_resid_mid",
                    "blocks." + l + ".mlp.hook_pre",
                    "blocks." + l + ".mlp.hook_post",
                    "blocks." + l + ".hook_mlp_out",
                    "blocks." + l + ".hook_resid_post",
                    "blocks." + l + ".hook_normalized_resid_post");
        }
    }
}
