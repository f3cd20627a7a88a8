package dev.pathway.circuits.patch;

import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.align.TokenPieces;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Listed heads x position: P's {@code z} (or {@code v}) of one head at one position, or P's
 * attention {@code pattern} row of one head for one query position, written into B.
 */
public final class HeadPositionTarget implements PatchTarget {
    private final List<HeadId> heads;
    private final String kind;
    private final PositionMode mode;

    public HeadPositionTarget(List<HeadId> heads, String kind, PositionMode mode) {
        if (!kind.equals("z") && !kind.equals("v") && !kind.equals("pattern")) {
            throw new UserInputException("by-position head patching takes z, v or pattern, not '" + kind + "'");
        }
        this.heads = List.copyOf(heads);
        this.kind = kind;
        this.mode = mode;
    }

    @Override
    public String name() {
        return "head-" + kind + "-by-position";
    }

    @Override
    public String description() {
        return kind.equals("pattern") ? "P's attention pattern row of one head for one query position"
                : "P's hook_" + kind + " of one head at one position";
    }

    @Override
    public Set<String> perturbedHooks() {
        Set<String> out = new LinkedHashSet<>();
        for (HeadId h : heads) {
            out.add(HeadTarget.hook(kind, h.layer()));
        }
        return out;
    }

    @Override
    public GridSpec grid(List<AlignedPair> pairs, TokenPieces pieces) {
        List<String> labels = new ArrayList<>();
        for (HeadId h : heads) {
            labels.add(h.toString());
        }
        return new GridSpec(List.of(new GridSpec.Axis("head", labels), mode.axis(pairs, pieces)));
    }

    @Override
    public List<Cell> cells(AlignedPair pair, GridSpec grid, TokenPieces pieces) {
        int npos = grid.axes().get(1).size();
        int[][] pos = mode.positions(pair, npos, pieces);
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            HeadId h = heads.get(i);
            for (int p = 0; p < npos; p++) {
                if (pos[p] != null) {
                    out.add(new Cell(grid.index(i, p), HeadTarget.hook(kind, h.layer()), h.layer(), new int[] {h.head()}, pos[p]));
                }
            }
        }
        return out;
    }
}
