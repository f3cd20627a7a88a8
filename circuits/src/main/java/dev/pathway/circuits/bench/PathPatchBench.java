package dev.pathway.circuits.bench;

import ai.djl.ndarray.NDManager;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.patch.MinDelta;
import dev.pathway.circuits.patch.PairActivations;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.circuits.path.PathPatcher;
import dev.pathway.circuits.path.PathPatchingRun;
import dev.pathway.circuits.path.Sender;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cost of a full path-patching sweep (every head to the logits) against the naive cost: one
 * full forward of the pairs per sender. Measured:
 *
 * <ul>
 *   <li>{@code forward}: one plain forward of all pairs' baselines, length-sorted batches of
 *       {@code batchRows} rows (the cheapest way to run the pairs once);
 *   <li>{@code naive} = senders x {@code forward};
 *   <li>{@code sweep}: {@link PathPatchingRun} over all pairs and senders, clean runs included;
 *   <li>{@code literal}: the one-sender-per-forward reference on the first {@code literalPairs}
 *       pairs, scaled to all pairs (what the reference code does, batch 1).
 * </ul>
 */
public final class PathPatchBench {
    private PathPatchBench() {}

    /** Timings in seconds. */
    public record Result(int pairs, int senders, double meanLength, double forward, double sweep, double literal, int literalPairs) {
        public double naive() {
            return senders * forward;
        }

        public double ratio() {
            return sweep / naive();
        }

        public double pairHeadsPerSecond() {
            return (double) pairs * senders / sweep;
        }
    }

    public static Result run(CrossEncoder model, List<AlignedPair> pairs, int batchRows, int literalPairs) {
        List<Sender> senders = new ArrayList<>();
        HeadId.all(model.config()).forEach(h -> senders.add(Sender.head(h)));
        RowBudget budget = new RowBudget(batchRows, 1 << 30);
        List<PairEncoding> baselines = pairs.stream().map(AlignedPair::baseline).toList();
        // warm-up: the engine's first passes allocate and pick kernels
        plainForward(model, baselines.subList(0, Math.min(8, baselines.size())), batchRows);
        PathPatchingRun.run(model, pairs.subList(0, 1), senders, null, budget, MinDelta.auto());

        double forward = Double.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            plainForward(model, baselines, batchRows);
            forward = Math.min(forward, (System.nanoTime() - t0) / 1e9);
        }
        long t1 = System.nanoTime();
        PathPatchingRun.run(model, pairs, senders, null, budget, MinDelta.auto());
        double sweep = (System.nanoTime() - t1) / 1e9;

        int lp = Math.min(literalPairs, pairs.size());
        double literal = Double.NaN;
        if (lp > 0) {
            PathPatcher patcher = new PathPatcher(model, budget);
            long t2 = System.nanoTime();
            for (AlignedPair p : pairs.subList(0, lp)) {
                try (PairActivations acts = PairActivations.run(model, p, PathPatcher.hooksNeeded(model.config().numLayers(), senders))) {
                    patcher.toLogitsOneAtATime(acts, senders);
                }
            }
            literal = (System.nanoTime() - t2) / 1e9 * pairs.size() / lp;
        }
        double meanLen = baselines.stream().mapToInt(PairEncoding::length).average().orElse(0);
        return new Result(pairs.size(), senders.size(), meanLen, forward, sweep, literal, lp);
    }

    private static void plainForward(CrossEncoder model, List<PairEncoding> inputs, int rows) {
        List<PairEncoding> sorted = new ArrayList<>(inputs);
        sorted.sort(Comparator.comparingInt(PairEncoding::length));
        for (int from = 0; from < sorted.size(); from += rows) {
            try (NDManager m = model.manager().newSubManager()) {
                model.logits(new EncodedBatch(sorted.subList(from, Math.min(sorted.size(), from + rows))).toNDList(m)).toFloatArray();
            }
        }
    }
}
