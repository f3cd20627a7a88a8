package dev.pathway.circuits.path;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.patch.EffectResult;
import dev.pathway.circuits.patch.MinDelta;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.circuits.patch.SweepRunner;
import dev.pathway.core.model.CrossEncoder;
import java.util.List;

/** Path patching of many senders over many pairs, aggregated on a {@link SenderGrid}. */
public final class PathPatchingRun {
    private PathPatchingRun() {}

    /**
     * @param receiver null: senders to the logits; otherwise senders to the receivers' inputs
     */
    public static EffectResult run(CrossEncoder model, List<AlignedPair> pairs, List<Sender> senders, Receiver receiver,
            RowBudget budget, MinDelta minDelta) {
        return run(SweepRunner.local(model), model, pairs, senders, receiver, budget, minDelta);
    }

    /**
     * The pairs' effects computed by {@code runner} (here or on a cluster), aggregated here in pair
     * order, so the result does not depend on where the pairs ran.
     */
    public static EffectResult run(SweepRunner runner, CrossEncoder model, List<AlignedPair> pairs, List<Sender> senders,
            Receiver receiver, RowBudget budget, MinDelta minDelta) {
        PathSweep sweep = new PathSweep(senders, receiver, budget, new SenderGrid(model.config(), senders).grid());
        return SweepRunner.aggregate(sweep.grid(), runner.run(pairs, sweep), minDelta);
    }
}
