package dev.pathway.circuits.patch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Patching effects on a grid, aggregated over pairs (see {@link EffectAggregator}).
 *
 * @param grid the axes
 * @param pairs s_B and s_P of every pair
 * @param minDelta the |s_P - s_B| threshold used for {@code meanM}
 * @param minDeltaRule how it was chosen
 * @param kept pairs at or above the threshold
 * @param meanM mean per-pair m, per cell
 * @param sdM its standard deviation over pairs
 * @param nM pairs in {@code meanM}
 * @param ratioOfMeans mean(s_patched - s_B) / mean(s_P - s_B) over every pair
 * @param meanDiff mean(s_patched - s_B)
 * @param n pairs in {@code ratioOfMeans}
 */
public record EffectResult(
        GridSpec grid,
        List<EffectAggregator.PairScore> pairs,
        double minDelta,
        String minDeltaRule,
        int kept,
        double[] meanM,
        double[] sdM,
        int[] nM,
        double[] ratioOfMeans,
        double[] meanDiff,
        int[] n) {

    public double meanDelta() {
        double s = 0;
        for (EffectAggregator.PairScore p : pairs) {
            s += p.delta();
        }
        return pairs.isEmpty() ? Double.NaN : s / pairs.size();
    }

    /** The aggregate named {@code mean_m} or {@code ratio_of_means}. */
    public double[] values(String aggregate) {
        return switch (aggregate) {
            case "mean_m" -> meanM;
            case "ratio_of_means" -> ratioOfMeans;
            case "mean_diff" -> meanDiff;
            default -> throw new IllegalArgumentException(aggregate);
        };
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("metric", "m = (s_patched - s_B) / (s_P - s_B) on the classifier logit; 0 = no effect, 1 = P's score restored");
        o.put("aggregates", "mean_m: mean of per-pair m over pairs with |s_P - s_B| >= min_delta; "
                + "ratio_of_means: mean(s_patched - s_B) / mean(s_P - s_B) over all pairs");
        o.put("pairs", pairs.size());
        o.put("pairs_kept", kept);
        o.put("min_delta", minDelta);
        o.put("min_delta_rule", minDeltaRule);
        o.put("mean_delta", meanDelta());
        ArrayNode axes = o.putArray("axes");
        for (GridSpec.Axis a : grid.axes()) {
            ObjectNode an = axes.addObject();
            an.put("name", a.name());
            ArrayNode labels = an.putArray("labels");
            a.labels().forEach(labels::add);
        }
        o.set("mean_m", nested(meanM, 0, 0));
        o.set("sd_m", nested(sdM, 0, 0));
        o.set("ratio_of_means", nested(ratioOfMeans, 0, 0));
        o.set("mean_diff", nested(meanDiff, 0, 0));
        ArrayNode ps = o.putArray("pair_scores");
        for (EffectAggregator.PairScore p : pairs) {
            ObjectNode pn = ps.addObject();
            pn.put("id", p.id());
            pn.put("s_B", p.scoreB());
            pn.put("s_P", p.scoreP());
        }
        return o;
    }

    /** The flat values as nested arrays, one level per axis (NaN written as null). */
    private ArrayNode nested(double[] values, int axis, int offset) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        int size = grid.axes().get(axis).size();
        int stride = 1;
        for (int i = axis + 1; i < grid.axes().size(); i++) {
            stride *= grid.axes().get(i).size();
        }
        for (int i = 0; i < size; i++) {
            if (axis == grid.axes().size() - 1) {
                double v = values[offset + i];
                if (Double.isNaN(v)) {
                    a.addNull();
                } else {
                    a.add(v);
                }
            } else {
                a.add(nested(values, axis + 1, offset + i * stride));
            }
        }
        return a;
    }

    /** One row per cell: the axis labels, then mean_m, sd_m, n_kept, ratio_of_means, mean_diff, n. */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (GridSpec.Axis a : grid.axes()) {
                header.append(csv(a.name())).append(',');
            }
            header.append("mean_m,sd_m,n_kept,ratio_of_means,mean_diff,n\n");
            w.write(header.toString());
            for (int c = 0; c < grid.size(); c++) {
                int[] idx = grid.unflatten(c);
                StringBuilder sb = new StringBuilder();
                for (int a = 0; a < idx.length; a++) {
                    sb.append(csv(grid.axes().get(a).labels().get(idx[a]))).append(',');
                }
                sb.append(num(meanM[c])).append(',').append(num(sdM[c])).append(',').append(nM[c]).append(',')
                        .append(num(ratioOfMeans[c])).append(',').append(num(meanDiff[c])).append(',').append(n[c]).append('\n');
                w.write(sb.toString());
            }
        }
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
