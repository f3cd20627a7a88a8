package dev.pathway.core.hooks;

import dev.pathway.core.config.BertConfig;
import dev.pathway.core.util.UserInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every hook point of a model, with TransformerLens names, in forward order.
 *
 * <pre>
 * hook_embed, hook_pos_embed, hook_token_type_embed   [batch, pos, d_model] (before the sum)
 * hook_full_embed                                     [batch, pos, d_model] (after LayerNorm)
 * blocks.{l}.hook_resid_pre                           [batch, pos, d_model]
 * blocks.{l}.attn.hook_q | hook_k | hook_v            [batch, pos, head, d_head]
 * blocks.{l}.attn.hook_attn_scores                    [batch, head, query_pos, key_pos] (scaled, mask added)
 * blocks.{l}.attn.hook_pattern                        [batch, head, query_pos, key_pos]
 * blocks.{l}.attn.hook_z                              [batch, pos, head, d_head]
 * blocks.{l}.attn.hook_result                         [batch, pos, head, d_model] (only when asked)
 * blocks.{l}.hook_attn_out                            [batch, pos, d_model]
 * blocks.{l}.hook_resid_mid                           [batch, pos, d_model] (resid_pre + attn_out)
 * blocks.{l}.hook_normalized_resid_mid                [batch, pos, d_model] (after ln1)
 * blocks.{l}.mlp.hook_pre | hook_post                 [batch, pos, d_mlp]   (before / after GELU)
 * blocks.{l}.hook_mlp_out                             [batch, pos, d_model]
 * blocks.{l}.hook_resid_post                          [batch, pos, d_model] (before ln2)
 * blocks.{l}.hook_normalized_resid_post               [batch, pos, d_model] (block output)
 * pooler.hook_out                                     [batch, d_model]
 * hook_logits                                         [batch, num_labels]
 * </pre>
 */
public final class HookPoints {
    private static final Pattern LAYER = Pattern.compile("^blocks\\.(\\d+)\\.");

    private final Map<String, HookLayout> layouts;
    private final BertConfig config;

    public HookPoints(BertConfig config) {
        this.config = config;
        Map<String, HookLayout> m = new LinkedHashMap<>();
        m.put(HookNames.EMBED, HookLayout.RESID);
        m.put(HookNames.POS_EMBED, HookLayout.RESID);
        m.put(HookNames.TOKEN_TYPE_EMBED, HookLayout.RESID);
        m.put(HookNames.FULL_EMBED, HookLayout.RESID);
        for (int l = 0; l < config.numLayers(); l++) {
            HookNames.Layer n = HookNames.layer(l);
            m.put(n.residPre(), HookLayout.RESID);
            m.put(n.q(), HookLayout.HEAD_VECTORS);
            m.put(n.k(), HookLayout.HEAD_VECTORS);
            m.put(n.v(), HookLayout.HEAD_VECTORS);
            m.put(n.attnScores(), HookLayout.ATTENTION);
            m.put(n.pattern(), HookLayout.ATTENTION);
            m.put(n.z(), HookLayout.HEAD_VECTORS);
            m.put(n.result(), HookLayout.HEAD_RESULT);
            m.put(n.attnOut(), HookLayout.RESID);
            m.put(n.residMid(), HookLayout.RESID);
            m.put(n.normalizedResidMid(), HookLayout.RESID);
            m.put(n.mlpPre(), HookLayout.MLP_HIDDEN);
            m.put(n.mlpPost(), HookLayout.MLP_HIDDEN);
            m.put(n.mlpOut(), HookLayout.RESID);
            m.put(n.residPost(), HookLayout.RESID);
            m.put(n.normalizedResidPost(), HookLayout.RESID);
        }
        m.put(HookNames.POOLER_OUT, HookLayout.POOLED);
        m.put(HookNames.LOGITS, HookLayout.LOGITS);
        this.layouts = Collections.unmodifiableMap(m);
    }

    /** All names in forward order. */
    public Iterable<String> names() {
        return layouts.keySet();
    }

    public boolean exists(String name) {
        return layouts.containsKey(name);
    }

    /** The layout of a hook, or a user error that lists the valid names. */
    public HookLayout layout(String name) {
        HookLayout layout = layouts.get(name);
        if (layout == null) {
            throw new UserInputException(
                    "unknown hook '" + name + "'; valid names: " + validNamesSummary());
        }
        return layout;
    }

    /** The layer a hook belongs to, -1 for embeddings, numLayers for pooler and logits. */
    public int layerOf(String name) {
        Matcher m = LAYER.matcher(name);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        return name.startsWith("hook_") && !name.equals(HookNames.LOGITS) ? -1 : config.numLayers();
    }

    /** A compact list of valid names, layer hooks written once with {l}. */
    public String validNamesSummary() {
        StringBuilder sb = new StringBuilder();
        for (String name : layouts.keySet()) {
            if (name.startsWith("blocks.") && !name.startsWith("blocks.0.")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(name.replaceFirst("^blocks\\.0\\.", "blocks.{l}."));
        }
        return sb + " (l = 0.." + (config.numLayers() - 1) + ")";
    }

    public BertConfig config() {
        return config;
    }
}
