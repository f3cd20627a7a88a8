package dev.pathway.circuits.patch;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.align.TokenPieces;
import dev.pathway.core.model.CrossEncoder;
import java.io.Serializable;
import java.util.List;

/**
 * Activation patching of one target, one pair at a time: B's and P's clean runs, then every cell
 * of the pair patched (see {@link ActivationPatcher}). The target is rebuilt from the model by a
 * {@link TargetFactory} on whichever machine runs the pair; the grid is fixed by the caller.
 */
public final class ActivationSweep implements PairSweep {
    /** Builds a patching target for a model (a plain-value description of the target). */
    public interface TargetFactory extends Serializable {
        PatchTarget build(CrossEncoder model);
    }

    private final TargetFactory factory;
    private final String name;
    private final GridSpec grid;
    private final RowBudget budget;
    private transient CrossEncoder builtFor;
    private transient PatchTarget target;
    private transient TokenPieces pieces;
    private transient ActivationPatcher patcher;

    public ActivationSweep(TargetFactory factory, String name, GridSpec grid, RowBudget budget) {
        this.factory = factory;
        this.name = name;
        this.grid = grid;
        this.budget = budget;
    }

    @Override
    public GridSpec grid() {
        return grid;
    }

    @Override
    public String task() {
        return "patch " + name;
    }

    @Override
    public PairEffect run(CrossEncoder model, AlignedPair pair) {
        PatchTarget t;
        TokenPieces tp;
        ActivationPatcher ap;
        synchronized (this) {
            if (builtFor != model) {
                target = factory.build(model);
                pieces = new TokenPieces(model.tokenizer());
                patcher = new ActivationPatcher(model, budget);
                builtFor = model;
            }
            t = target;
            tp = pieces;
            ap = patcher;
        }
        List<Cell> cells = t.cells(pair, grid, tp);
        try (PairActivations acts = PairActivations.run(model, pair, t.perturbedHooks())) {
            float[] s = ap.run(acts, cells);
            return new PairEffect(pair.id(), acts.scoreB(), acts.scoreP(), EffectAggregator.scatter(grid.size(), cells, s));
        }
    }
}
