package dev.pathway.circuits.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.util.UserInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both aggregates over pairs, computed by hand. */
class EffectAggregatorTest {
    private final GridSpec grid = new GridSpec(List.of(new GridSpec.Axis("cell", List.of("a", "b"))));

    @Test
    void meanOfPerPairMOverKeptPairsAndRatioOfMeanDifferences() {
        EffectAggregator agg = new EffectAggregator(grid);
        // pair 1: s_B 0, s_P 2; cell a 1.0 (m .5), cell b 2.0 (m 1)
        agg.add("p1", 0f, 2f, new float[] {1f, 2f});
        // pair 2: s_B 1, s_P 5; cell a 2.0 (m .25), cell b undefined
        agg.add("p2", 1f, 5f, new float[] {2f, Float.NaN});
        // pair 3: s_B 0, s_P 0.01 (below the threshold); cell a 0.01 (m 1), cell b 0
        agg.add("p3", 0f, 0.01f, new float[] {0.01f, 0f});
        EffectResult r = agg.finish(new MinDelta(0.5));
        assertEquals(2, r.kept());
        assertEquals((0.5 + 0.25) / 2, r.meanM()[0], 1e-9);
        assertEquals(1.0, r.meanM()[1], 1e-9);
        assertEquals(2, r.nM()[0]);
        assertEquals(1, r.nM()[1]);
        // ratio of means over every pair where the cell is defined
        assertEquals((1.0 + 1.0 + 0.01) / (2 + 4 + 0.01), r.ratioOfMeans()[0], 1e-6);
        assertEquals((2.0 + 0.0) / (2 + 0.01), r.ratioOfMeans()[1], 1e-6);
        assertEquals(Math.sqrt(((0.5 - 0.375) * (0.5 - 0.375) + (0.25 - 0.375) * (0.25 - 0.375)) / 1), r.sdM()[0], 1e-6);
        assertTrue(Double.isNaN(r.sdM()[1]));
    }

    @Test
    void autoThresholdIsATenthOfTheMedianAbsoluteDifference() {
        assertEquals(0.2, MinDelta.auto().value(new double[] {1, 2, 3}), 1e-12);
        assertEquals(0.25, MinDelta.auto().value(new double[] {4, 1, 2, 3}), 1e-12);
        assertEquals(0.7, MinDelta.parse("0.7").value(new double[] {100}), 0);
        assertThrows(UserInputException.class, () -> MinDelta.parse("x"));
        assertThrows(UserInputException.class, () -> MinDelta.parse("NaN"));
    }

    @Test
    void gridIndexingRoundTrips() {
        GridSpec g = new GridSpec(List.of(new GridSpec.Axis("x", List.of("0", "1", "2")), new GridSpec.Axis("y", List.of("a", "b")),
                new GridSpec.Axis("z", List.of("u", "v", "w", "t"))));
        assertEquals(24, g.size());
        for (int i = 0; i < g.size(); i++) {
            int[] idx = g.unflatten(i);
            assertEquals(i, g.index(idx));
        }
        assertEquals(1 * 8 + 1 * 4 + 3, g.index(1, 1, 3));
    }
}
