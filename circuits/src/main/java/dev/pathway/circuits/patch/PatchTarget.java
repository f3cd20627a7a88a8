package dev.pathway.circuits.patch;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.align.TokenPieces;
import java.util.List;
import java.util.Set;

/**
 * What activation patching sweeps over: a grid of cells (e.g. component x layer x position, or
 * layer x head) and, for each pair, the patch of each cell. One target per file.
 */
public interface PatchTarget {
    /** Short name used in file names and JSON, e.g. {@code resid} or {@code head-z}. */
    String name();

    /** What the value of a cell means, for the JSON and the picture's title. */
    String description();

    /** The hooks whose P activations the cells use. */
    Set<String> perturbedHooks();

    /** The grid, the same for all pairs of a run. */
    GridSpec grid(List<AlignedPair> pairs, TokenPieces pieces);

    /** The cells of one pair; cells missing from the list are undefined for the pair (e.g. an empty category). */
    List<Cell> cells(AlignedPair pair, GridSpec grid, TokenPieces pieces);
}
