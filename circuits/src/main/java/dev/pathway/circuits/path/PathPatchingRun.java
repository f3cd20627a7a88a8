package dev.pathway.circuits.path;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.patch.EffectAggregator;
import dev.pathway.circuits.patch.EffectResult;
import dev.pathway.circuits.patch.MinDelta;
import dev.pathway.circuits.patch.PairActivations;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import java.util.Arrays;
import java.util.List;

/** Path patching of many senders over many pairs, aggregated on a {@link SenderGrid}. */
public final class PathPatchingRun {
    private PathPatchingRun() {}

    /**
     * @param receiver null: senders to the logits; otherwise senders to the receivers' inputs
     */
    public static EffectResult run(CrossEncoder model, List<AlignedPair> pairs, List<Sender> senders, Receiver receiver,
            RowBudget budget, MinDelta minDelta) {
        SenderGrid sg = new SenderGrid(model.config(), senders);
        EffectAggregator agg = new EffectAggregator(sg.grid());
        PathPatcher patcher = new PathPatcher(model, budget);
        String task = receiver == null ? "path-patch to logits" : "path-patch to " + receiver;
        try (Progress bar = ProgressBars.start(task, pairs.size(), "pairs")) {
            for (AlignedPair pair : pairs) {
                try (PairActivations acts = PairActivations.run(model, pair,
                        PathPatcher.hooksNeeded(model.config().numLayers(), senders))) {
                    float[] s = receiver == null ? patcher.toLogits(acts, senders) : patcher.toReceivers(acts, senders, receiver);
                    float[] cells = new float[sg.grid().size()];
                    Arrays.fill(cells, Float.NaN);
                    for (int i = 0; i < senders.size(); i++) {
                        cells[sg.index(senders.get(i))] = s[i];
                    }
                    agg.add(pair.id(), acts.scoreB(), acts.scoreP(), cells);
                }
                bar.step(1);
            }
        }
        return agg.finish(minDelta);
    }
}
