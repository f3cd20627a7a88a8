package dev.pathway.circuits.patch;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.align.TokenPieces;
import dev.pathway.core.model.CrossEncoder;
import java.util.List;

/** Activation patching of one target over many pairs, aggregated. */
public final class PatchingRun {
    private PatchingRun() {}

    /**
     * The pairs' effects computed by {@code runner} (here or on a cluster), aggregated here in pair
     * order, so the result does not depend on where the pairs ran.
     *
     * @param model the model the grid is laid out for (its target and tokenizer)
     */
    public static EffectResult run(SweepRunner runner, CrossEncoder model, List<AlignedPair> pairs, ActivationSweep.TargetFactory target,
            RowBudget budget, MinDelta minDelta) {
        PatchTarget t = target.build(model);
        GridSpec grid = t.grid(pairs, new TokenPieces(model.tokenizer()));
        ActivationSweep sweep = new ActivationSweep(target, t.name(), grid, budget);
        return SweepRunner.aggregate(grid, runner.run(pairs, sweep), minDelta);
    }
}
