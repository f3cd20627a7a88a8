package dev.pathway.cli.circuits;

import dev.pathway.circuits.patch.MinDelta;
import dev.pathway.circuits.patch.RowBudget;
import picocli.CommandLine.Option;

/** Batch size of patched runs and the pair filter of the mean per-pair effect. */
public final class BatchMixin {
    @Option(names = "--batch-rows", defaultValue = "64", description = "Patched runs per forward pass (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--batch-tokens", defaultValue = "8192", description = "At most this many tokens (rows x length) per forward (default: ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--min-delta", defaultValue = "auto",
            description = "Pairs with |s_P - s_B| below this enter ratio_of_means but not mean_m; 'auto' = 0.1 x median (default: ${DEFAULT-VALUE}).")
    String minDelta;

    RowBudget budget() {
        return new RowBudget(rows, tokens);
    }

    MinDelta minDelta() {
        return MinDelta.parse(minDelta);
    }
}
