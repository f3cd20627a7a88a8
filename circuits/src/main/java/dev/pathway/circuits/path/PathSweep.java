package dev.pathway.circuits.path;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.patch.GridSpec;
import dev.pathway.circuits.patch.PairActivations;
import dev.pathway.circuits.patch.PairEffect;
import dev.pathway.circuits.patch.PairSweep;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.core.model.CrossEncoder;
import java.util.Arrays;
import java.util.List;

/** Path patching of many senders, one pair at a time, laid out on a {@link SenderGrid}. */
public final class PathSweep implements PairSweep {
    private final List<Sender> senders;
    private final Receiver receiver;
    private final RowBudget budget;
    private final GridSpec grid;
    private transient CrossEncoder builtFor;
    private transient SenderGrid senderGrid;
    private transient PathPatcher patcher;

    /**
     * @param receiver null: senders to the logits; otherwise senders to the receivers' inputs
     * @param grid the senders' grid for the model ({@link SenderGrid#grid()})
     */
    public PathSweep(List<Sender> senders, Receiver receiver, RowBudget budget, GridSpec grid) {
        this.senders = List.copyOf(senders);
        this.receiver = receiver;
        this.budget = budget;
        this.grid = grid;
    }

    @Override
    public GridSpec grid() {
        return grid;
    }

    @Override
    public String task() {
        return receiver == null ? "path-patch to logits" : "path-patch to " + receiver;
    }

    @Override
    public PairEffect run(CrossEncoder model, AlignedPair pair) {
        SenderGrid sg;
        PathPatcher pp;
        synchronized (this) {
            if (builtFor != model) {
                senderGrid = new SenderGrid(model.config(), senders);
                patcher = new PathPatcher(model, budget);
                builtFor = model;
            }
            sg = senderGrid;
            pp = patcher;
        }
        try (PairActivations acts = PairActivations.run(model, pair, PathPatcher.hooksNeeded(model.config().numLayers(), senders))) {
            float[] s = receiver == null ? pp.toLogits(acts, senders) : pp.toReceivers(acts, senders, receiver);
            float[] cells = new float[grid.size()];
            Arrays.fill(cells, Float.NaN);
            for (int i = 0; i < senders.size(); i++) {
                cells[sg.index(senders.get(i))] = s[i];
            }
            return new PairEffect(pair.id(), acts.scoreB(), acts.scoreP(), cells);
        }
    }
}
