package dev.pathway.circuits.linear;

import dev.pathway.core.util.UserInputException;
import java.util.List;

/**
 * Options of the regression and its baselines.
 *
 * @param minSamples a query-length group is fitted only with at least this many pairs
 * @param maxQueryLength longest query (word pieces) with a group of its own; longer queries are
 *     left out (the paper: 22, the 99.95th percentile of MS MARCO query lengths)
 * @param testFraction share of each group's queries held out for testing (0.2)
 * @param seed seed of the splits and the random features
 * @param bm25K1 the fixed token-BM25 k1 (the paper's best: 0.5)
 * @param bm25B the fixed token-BM25 b (the paper's best: 0.9)
 * @param avgdl the average document length in tokens; NaN = from the data, per data set
 * @param gridK1 k1 values of the grid search
 * @param gridB b values of the grid search
 */
public record SemanticBmOptions(int minSamples, int maxQueryLength, double testFraction, long seed, double bm25K1, double bm25B,
        double avgdl, List<Double> gridK1, List<Double> gridB) {
    public static final List<Double> DEFAULT_GRID_K1 = List.of(0.5, 0.9, 1.2, 1.5, 2.0);
    public static final List<Double> DEFAULT_GRID_B = List.of(0.25, 0.4, 0.5, 0.75, 0.9, 1.0);

    public SemanticBmOptions {
        if (minSamples < 2) {
            throw new UserInputException("--min-samples must be at least 2, got " + minSamples);
        }
        if (maxQueryLength < 1) {
            throw new UserInputException("--max-query-length must be at least 1, got " + maxQueryLength);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new UserInputException("--test-fraction must be in (0, 1), got " + testFraction);
        }
        new TokenBm25(bm25K1, bm25B, Double.isNaN(avgdl) ? 1 : avgdl);
        if (gridK1.isEmpty() || gridB.isEmpty()) {
            throw new UserInputException("the BM25 grid needs at least one k1 and one b");
        }
        for (double k : gridK1) {
            for (double b : gridB) {
                new TokenBm25(k, b, 1);
            }
        }
        gridK1 = List.copyOf(gridK1);
        gridB = List.copyOf(gridB);
    }
}
