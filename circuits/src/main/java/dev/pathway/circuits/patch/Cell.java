package dev.pathway.circuits.patch;

/**
 * One activation patch: P's value of {@code hook} in {@code layer}, at some heads and positions
 * (null: all), written into a run on B. For attention patterns the positions are query rows.
 *
 * @param index the cell's flat index in its target's grid
 * @param hook the hook name
 * @param layer the layer of the hook (runs start there, from B's residual stream); -1 for the
 *     embedding hooks (runs start from the embeddings)
 * @param heads heads to patch, or null for all (or for hooks without heads)
 * @param positions positions to patch, or null for all
 */
public record Cell(int index, String hook, int layer, int[] heads, int[] positions) {}
