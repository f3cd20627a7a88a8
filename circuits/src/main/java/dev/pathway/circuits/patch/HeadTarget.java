package dev.pathway.circuits.patch;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.align.TokenPieces;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Layer x head, all positions: P's per-head {@code z} (the head's output; the default and what
 * "head patching" means here), {@code v} (value vectors: what the reference code patched and
 * called head patching; kept, and labelled, for comparison), {@code q}, {@code k} or the
 * attention {@code pattern} of one head written into B.
 */
public final class HeadTarget implements PatchTarget {
    public static final List<String> KINDS = List.of("z", "v", "q", "k", "pattern");

    private final BertConfig config;
    private final String kind;

    public HeadTarget(BertConfig config, String kind) {
        if (!KINDS.contains(kind)) {
            throw new UserInputException("unknown head activation '" + kind + "' (valid: " + String.join(", ", KINDS) + ")");
        }
        this.config = config;
        this.kind = kind;
    }

    static String hook(String kind, int layer) {
        HookNames.Layer n = HookNames.layer(layer);
        return switch (kind) {
            case "z" -> n.z();
            case "v" -> n.v();
            case "q" -> n.q();
            case "k" -> n.k();
            case "pattern" -> n.pattern();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Override
    public String name() {
        return "head-" + kind;
    }

    @Override
    public String description() {
        return "P's hook_" + kind + " of one head at all positions";
    }

    @Override
    public Set<String> perturbedHooks() {
        Set<String> out = new LinkedHashSet<>();
        for (int l = 0; l < config.numLayers(); l++) {
            out.add(hook(kind, l));
        }
        return out;
    }

    @Override
    public GridSpec grid(List<AlignedPair> pairs, TokenPieces pieces) {
        List<String> layers = new ArrayList<>();
        for (int l = 0; l < config.numLayers(); l++) {
            layers.add(Integer.toString(l));
        }
        List<String> heads = new ArrayList<>();
        for (int h = 0; h < config.numHeads(); h++) {
            heads.add(Integer.toString(h));
        }
        return new GridSpec(List.of(new GridSpec.Axis("layer", layers), new GridSpec.Axis("head", heads)));
    }

    @Override
    public List<Cell> cells(AlignedPair pair, GridSpec grid, TokenPieces pieces) {
        List<Cell> out = new ArrayList<>();
        for (int l = 0; l < config.numLayers(); l++) {
            for (int h = 0; h < config.numHeads(); h++) {
                out.add(new Cell(grid.index(l, h), hook(kind, l), l, new int[] {h}, null));
            }
        }
        return out;
    }
}
