package dev.pathway.cli.circuits;

import dev.pathway.circuits.run.PairOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which (baseline, perturbed) pairs of a diagnostic file a patching command uses. */
public final class PairsMixin {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Diagnostic JSONL (from build-dataset), e.g. tfc1.jsonl.")
    Path data;

    @Option(names = "--pairs", defaultValue = "100", description = "Samples drawn from the file, seeded; 0 = all (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--variant", defaultValue = "0",
            description = "Perturbed variant, 1-based; 0 = each sample's last (TFC2: 5 occurrences, LNC1: 4 sentences) (default: ${DEFAULT-VALUE}).")
    int variant;

    @Option(names = "--seed", defaultValue = "13", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-length", defaultValue = "512", description = "Maximum input length (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--filler", defaultValue = "a", description = "Filler word that pads the shorter input before its final [SEP] (default: ${DEFAULT-VALUE}).")
    String filler;

    PairOptions options() {
        return new PairOptions(data, pairs, variant, seed, maxLength, filler);
    }
}
