package dev.pathway.circuits.patch;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.align.TokenPieces;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import java.util.List;

/** Activation patching of one target over many pairs, aggregated. */
public final class PatchingRun {
    private PatchingRun() {}

    public static EffectResult run(CrossEncoder model, List<AlignedPair> pairs, PatchTarget target, RowBudget budget, MinDelta minDelta) {
        TokenPieces pieces = new TokenPieces(model.tokenizer());
        GridSpec grid = target.grid(pairs, pieces);
        EffectAggregator agg = new EffectAggregator(grid);
        ActivationPatcher patcher = new ActivationPatcher(model, budget);
        try (Progress bar = ProgressBars.start("patch " + target.name(), pairs.size(), "pairs")) {
            for (AlignedPair pair : pairs) {
                List<Cell> cells = target.cells(pair, grid, pieces);
                try (PairActivations acts = PairActivations.run(model, pair, target.perturbedHooks())) {
                    float[] s = patcher.run(acts, cells);
                    agg.add(pair.id(), acts.scoreB(), acts.scoreP(), EffectAggregator.scatter(grid.size(), cells, s));
                }
                bar.step(1);
            }
        }
        return agg.finish(minDelta);
    }
}
