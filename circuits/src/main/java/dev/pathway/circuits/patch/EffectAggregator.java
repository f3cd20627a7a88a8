package dev.pathway.circuits.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects per-pair patched logits and aggregates them over pairs, both ways:
 *
 * <ul>
 *   <li>{@code mean_m}: the mean over pairs of m = (s_patched - s_B) / (s_P - s_B), over the pairs
 *       with |s_P - s_B| &gt;= {@link MinDelta} (with its standard deviation and count);
 *   <li>{@code ratio_of_means}: mean(s_patched - s_B) / mean(s_P - s_B) over every pair (no
 *       threshold: pairs with small differences weigh little instead of being dropped).
 * </ul>
 *
 * A cell undefined for a pair (an empty position category, a position past its end) is left out
 * of both for that pair.
 */
public final class EffectAggregator {
    private final GridSpec grid;
    private final List<PairScore> pairs = new ArrayList<>();
    private final List<float[]> patched = new ArrayList<>();

    /** s_B and s_P of one pair. */
    public record PairScore(String id, float scoreB, float scoreP) {
        public float delta() {
            return scoreP - scoreB;
        }
    }

    public EffectAggregator(GridSpec grid) {
        this.grid = grid;
    }

    public GridSpec grid() {
        return grid;
    }

    /**
     * @param values s_patched per flat cell of the grid, NaN where the cell is undefined for the pair
     */
    public void add(String id, float scoreB, float scoreP, float[] values) {
        if (values.length != grid.size()) {
            throw new IllegalArgumentException("expected " + grid.size() + " cells, got " + values.length);
        }
        pairs.add(new PairScore(id, scoreB, scoreP));
        patched.add(values.clone());
    }

    /** Expands per-cell results of a cell list to a grid-sized array (NaN elsewhere). */
    public static float[] scatter(int size, List<Cell> cells, float[] values) {
        float[] out = new float[size];
        java.util.Arrays.fill(out, Float.NaN);
        for (int i = 0; i < cells.size(); i++) {
            out[cells.get(i).index()] = values[i];
        }
        return out;
    }

    public int pairs() {
        return pairs.size();
    }

    public EffectResult finish(MinDelta rule) {
        int n = grid.size();
        double[] abs = new double[pairs.size()];
        for (int i = 0; i < abs.length; i++) {
            abs[i] = Math.abs(pairs.get(i).delta());
        }
        double threshold = rule.value(abs);
        double[] sumM = new double[n];
        double[] sumM2 = new double[n];
        int[] nM = new int[n];
        double[] sumD = new double[n];
        double[] sumDelta = new double[n];
        int[] nAll = new int[n];
        int kept = 0;
        for (int p = 0; p < pairs.size(); p++) {
            PairScore ps = pairs.get(p);
            double delta = (double) ps.scoreP() - ps.scoreB();
            boolean keep = Math.abs(delta) >= threshold && delta != 0;
            if (keep) {
                kept++;
            }
            float[] v = patched.get(p);
            for (int c = 0; c < n; c++) {
                if (Float.isNaN(v[c])) {
                    continue;
                }
                double d = (double) v[c] - ps.scoreB();
                sumD[c] += d;
                sumDelta[c] += delta;
                nAll[c]++;
                if (keep) {
                    double m = d / delta;
                    sumM[c] += m;
                    sumM2[c] += m * m;
                    nM[c]++;
                }
            }
        }
        double[] meanM = new double[n];
        double[] sdM = new double[n];
        double[] ratio = new double[n];
        double[] meanDiff = new double[n];
        for (int c = 0; c < n; c++) {
            meanM[c] = nM[c] == 0 ? Double.NaN : sumM[c] / nM[c];
            sdM[c] = nM[c] < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sumM2[c] - nM[c] * meanM[c] * meanM[c]) / (nM[c] - 1)));
            ratio[c] = nAll[c] == 0 || sumDelta[c] == 0 ? Double.NaN : sumD[c] / sumDelta[c];
            meanDiff[c] = nAll[c] == 0 ? Double.NaN : sumD[c] / nAll[c];
        }
        return new EffectResult(grid, List.copyOf(pairs), threshold, rule.toString(), kept, meanM, sdM, nM, ratio, meanDiff, nAll);
    }
}
