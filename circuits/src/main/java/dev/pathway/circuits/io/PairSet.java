package dev.pathway.circuits.io;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.align.LengthEqualizer;
import dev.pathway.circuits.data.DiagnosticSample;
import dev.pathway.circuits.data.DiagnosticSet;
import dev.pathway.circuits.data.QuerySelection;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Seeds;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The aligned (B, P) pairs of a diagnostic file: a seeded sample of its samples, each baseline
 * paired with one perturbed variant and equalised in length.
 *
 * @param file the JSONL file
 * @param samples the sampled samples
 * @param pairs their aligned pairs, same order
 * @param variant the perturbed variant used (1-based; 0 means each sample's last)
 */
public record PairSet(Path file, List<DiagnosticSample> samples, List<AlignedPair> pairs, int variant) {

    /**
     * @param maxPairs how many samples to draw (0: all)
     * @param variant 1-based perturbed variant, or 0 for each sample's last (TFC1/STMC1: the only
     *     one; TFC2: 5 occurrences; LNC1: 4 sentences)
     */
    public static PairSet load(CrossEncoder model, Path file, int maxPairs, int variant, long seed, int maxLength, String filler) {
        if (maxPairs < 0) {
            throw new UserInputException("--pairs must be >= 0");
        }
        if (variant < 0) {
            throw new UserInputException("--variant must be >= 0 (0: the last)");
        }
        List<DiagnosticSample> all = DiagnosticSet.read(file);
        List<DiagnosticSample> chosen = QuerySelection.sample(all, maxPairs, Seeds.derive(seed, "pairs"));
        LengthEqualizer eq = new LengthEqualizer(model.tokenizer(), maxLength, filler);
        List<AlignedPair> pairs = new ArrayList<>();
        for (DiagnosticSample s : chosen) {
            int v = variant == 0 ? s.perturbed().size() : variant;
            try {
                pairs.add(eq.align(s, v));
            } catch (UserInputException e) {
                throw new UserInputException(file + ": " + e.getMessage());
            }
        }
        return new PairSet(file, chosen, pairs, variant);
    }
}
