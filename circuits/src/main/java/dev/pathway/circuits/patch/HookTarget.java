package dev.pathway.circuits.patch;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.align.TokenPieces;
import dev.pathway.core.hooks.HookLayout;
import dev.pathway.core.hooks.HookPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Any hook by its TransformerLens name (e.g. {@code blocks.3.mlp.hook_post}): P's activation at
 * one position (or position category), and per head where the hook has heads. Embedding hooks run
 * from the embeddings; pooler and logits hooks are refused (patching them patches the score
 * itself). An unknown name is refused with the list of valid names.
 */
public final class HookTarget implements PatchTarget {
    private final String hook;
    private final HookLayout layout;
    private final int layer;
    private final int heads;
    private final PositionMode mode;

    public HookTarget(HookPoints points, String hook, PositionMode mode) {
        this.layout = points.layout(hook);
        this.hook = hook;
        int l = points.layerOf(hook);
        if (l >= points.config().numLayers()) {
            throw new dev.pathway.core.util.UserInputException("hook " + hook
                    + " sits after the encoder (pooler, logits); patch an embedding or blocks.{l}.* hook");
        }
        this.layer = l;
        this.heads = layout.headAxis() >= 0 ? points.config().numHeads() : 0;
        this.mode = mode;
    }

    @Override
    public String name() {
        return "hook-" + hook.replace("blocks.", "").replace('.', '_');
    }

    @Override
    public String description() {
        return "P's " + hook + " " + layout.shape() + (heads > 0 ? " of one head" : "") + " at one "
                + (mode == PositionMode.EACH ? "position" : "position category");
    }

    @Override
    public Set<String> perturbedHooks() {
        return Set.of(hook);
    }

    @Override
    public GridSpec grid(List<AlignedPair> pairs, TokenPieces pieces) {
        List<GridSpec.Axis> axes = new ArrayList<>();
        if (heads > 0) {
            List<String> hs = new ArrayList<>();
            for (int h = 0; h < heads; h++) {
                hs.add(Integer.toString(h));
            }
            axes.add(new GridSpec.Axis("head", hs));
        } else {
            axes.add(new GridSpec.Axis("hook", List.of(hook)));
        }
        axes.add(mode.axis(pairs, pieces));
        return new GridSpec(axes);
    }

    @Override
    public List<Cell> cells(AlignedPair pair, GridSpec grid, TokenPieces pieces) {
        int npos = grid.axes().get(1).size();
        int[][] pos = mode.positions(pair, npos, pieces);
        List<Cell> out = new ArrayList<>();
        int rows = Math.max(1, heads);
        for (int h = 0; h < rows; h++) {
            for (int p = 0; p < npos; p++) {
                if (pos[p] != null) {
                    out.add(new Cell(grid.index(h, p), hook, layer, heads > 0 ? new int[] {h} : null, pos[p]));
                }
            }
        }
        return out;
    }
}
