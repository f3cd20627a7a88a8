package dev.pathway.circuits.run;

import dev.pathway.circuits.io.PairSet;
import dev.pathway.core.model.CrossEncoder;
import java.nio.file.Path;

/**
 * Which (B, P) pairs a patching job uses.
 *
 * @param data the diagnostic JSONL file
 * @param pairs how many samples to draw, seeded (0: all)
 * @param variant the perturbed variant (1-based; 0: each sample's last)
 * @param seed the sampling seed
 * @param maxLength the model's maximum input length
 * @param filler the filler word that equalises lengths
 */
public record PairOptions(Path data, int pairs, int variant, long seed, int maxLength, String filler) {
    public PairSet load(CrossEncoder model) {
        return PairSet.load(model, data, pairs, variant, seed, maxLength, filler);
    }
}
