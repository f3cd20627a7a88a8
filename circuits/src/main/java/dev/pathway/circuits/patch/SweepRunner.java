package dev.pathway.circuits.patch;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a sweep's per-pair step over pairs: here, one pair after another ({@link #local}), or
 * spread across a cluster (the CLI's {@code --engine spark}). Either way the effects come back in
 * pair order and are aggregated by the caller, so results do not depend on where pairs ran.
 */
public interface SweepRunner {
    List<PairEffect> run(List<AlignedPair> pairs, PairSweep sweep);

    /** One pair after another on {@code model}, with a progress bar. */
    static SweepRunner local(CrossEncoder model) {
        return (pairs, sweep) -> {
            List<PairEffect> out = new ArrayList<>(pairs.size());
            try (Progress bar = ProgressBars.start(sweep.task(), pairs.size(), "pairs")) {
                for (AlignedPair pair : pairs) {
                    out.add(sweep.run(model, pair));
                    bar.step(1);
                }
            }
            return out;
        };
    }

    /** Aggregates effects in pair order (see {@link EffectAggregator}). */
    static EffectResult aggregate(GridSpec grid, List<PairEffect> effects, MinDelta minDelta) {
        EffectAggregator agg = new EffectAggregator(grid);
        for (PairEffect e : effects) {
            agg.add(e.id(), e.scoreB(), e.scoreP(), e.values());
        }
        return agg.finish(minDelta);
    }
}
