package dev.pathway.circuits.patch;

import java.io.Serializable;

/**
 * What one (B, P) pair contributes to a patching sweep: its clean scores and s_patched per flat
 * cell of the grid (NaN where a cell is undefined for the pair). {@link EffectAggregator} sums
 * these, so a sweep split across machines aggregates exactly as one run on one machine.
 *
 * @param id the pair id
 * @param scoreB s_B
 * @param scoreP s_P
 * @param values s_patched per flat cell
 */
public record PairEffect(String id, float scoreB, float scoreP, float[] values) implements Serializable {}
