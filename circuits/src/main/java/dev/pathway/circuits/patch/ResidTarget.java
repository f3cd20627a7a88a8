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
 * Block components x layer x position: P's {@code resid_pre}, {@code attn_out} or
 * {@code mlp_out} of one layer at one position (all d_model dimensions) written into B.
 */
public final class ResidTarget implements PatchTarget {
    public static final List<String> COMPONENTS = List.of("resid_pre", "attn_out", "mlp_out");

    private final BertConfig config;
    private final List<String> components;
    private final PositionMode mode;

    public ResidTarget(BertConfig config, List<String> components, PositionMode mode) {
        for (String c : components) {
            if (!COMPONENTS.contains(c)) {
                throw new UserInputException("unknown component '" + c + "' (valid: " + String.join(", ", COMPONENTS) + ")");
            }
        }
        this.config = config;
        this.components = List.copyOf(components);
        this.mode = mode;
    }

    @Override
    public String name() {
        return "resid";
    }

    @Override
    public String description() {
        return "P's block component (" + String.join(", ", components) + ") at one layer and "
                + (mode == PositionMode.EACH ? "position" : "position category (all its positions together)");
    }

    static String hook(String component, int layer) {
        HookNames.Layer n = HookNames.layer(layer);
        return switch (component) {
            case "resid_pre" -> n.residPre();
            case "attn_out" -> n.attnOut();
            case "mlp_out" -> n.mlpOut();
            default -> throw new IllegalArgumentException(component);
        };
    }

    @Override
    public Set<String> perturbedHooks() {
        Set<String> out = new LinkedHashSet<>();
        for (String c : components) {
            for (int l = 0; l < config.numLayers(); l++) {
                out.add(hook(c, l));
            }
        }
        return out;
    }

    @Override
    public GridSpec grid(List<AlignedPair> pairs, TokenPieces pieces) {
        List<String> layers = new ArrayList<>();
        for (int l = 0; l < config.numLayers(); l++) {
            layers.add(Integer.toString(l));
        }
        return new GridSpec(List.of(new GridSpec.Axis("component", components), new GridSpec.Axis("layer", layers),
                mode.axis(pairs, pieces)));
    }

    @Override
    public List<Cell> cells(AlignedPair pair, GridSpec grid, TokenPieces pieces) {
        int npos = grid.axes().get(2).size();
        int[][] pos = mode.positions(pair, npos, pieces);
        List<Cell> out = new ArrayList<>();
        for (int c = 0; c < components.size(); c++) {
            for (int l = 0; l < config.numLayers(); l++) {
                for (int p = 0; p < npos; p++) {
                    if (pos[p] != null) {
                        out.add(new Cell(grid.index(c, l, p), hook(components.get(c), l), l, null, pos[p]));
                    }
                }
            }
        }
        return out;
    }
}
