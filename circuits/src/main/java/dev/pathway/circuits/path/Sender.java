package dev.pathway.circuits.path;

import dev.pathway.circuits.HeadId;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A path-patching sender: an attention head (its z takes P's value), a layer's MLP (its
 * {@code mlp_out} takes P's value) or the embeddings (the residual stream entering layer 0 takes
 * P's value). Everything else that reads the residual stream sees the sender only through the
 * direct path, because every other head's output is frozen to B's.
 *
 * @param kind what is patched
 * @param layer the layer (0 for the embeddings)
 * @param head the head, or -1
 */
public record Sender(Kind kind, int layer, int head) implements java.io.Serializable {
    /** The kinds of sender. */
    public enum Kind { HEAD, MLP, EMBED }

    public static Sender head(HeadId h) {
        return new Sender(Kind.HEAD, h.layer(), h.head());
    }

    public static Sender mlp(int layer) {
        return new Sender(Kind.MLP, layer, -1);
    }

    public static Sender embed() {
        return new Sender(Kind.EMBED, 0, -1);
    }

    /**
     * Senders from a spec: a comma-separated list of {@code heads} (every head), {@code mlps}
     * (every MLP), {@code embed}, or single heads {@code L.H}.
     */
    public static List<Sender> parse(String spec, BertConfig config) {
        List<Sender> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            switch (p) {
                case "heads" -> HeadId.all(config).forEach(h -> out.add(head(h)));
                case "mlps" -> {
                    for (int l = 0; l < config.numLayers(); l++) {
                        out.add(mlp(l));
                    }
                }
                case "embed" -> out.add(embed());
                default -> {
                    if (!p.matches("-?\\d+\\.-?\\d+")) {
                        throw new UserInputException("unknown sender '" + p + "' (heads, mlps, embed or LAYER.HEAD)");
                    }
                    out.add(head(HeadId.parse(p).checked(config)));
                }
            }
        }
        if (out.isEmpty()) {
            throw new UserInputException("no senders in '" + spec + "'");
        }
        return out.stream().distinct().toList();
    }

    /** The first layer whose residual stream input carries this sender's output. */
    public int entryLayer() {
        return kind == Kind.EMBED ? 0 : layer + 1;
    }

    public HeadId headId() {
        return new HeadId(layer, head);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case HEAD -> layer + "." + head;
            case MLP -> "mlp" + layer;
            case EMBED -> "embed";
        };
    }
}
