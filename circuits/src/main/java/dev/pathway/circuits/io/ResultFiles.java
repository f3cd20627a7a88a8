package dev.pathway.circuits.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.patch.EffectResult;
import dev.pathway.circuits.patch.GridSpec;
import dev.pathway.circuits.plot.Heatmap;
import dev.pathway.core.util.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes an {@link EffectResult} as JSON, CSV and PNG heatmaps (one per aggregate). */
public final class ResultFiles {
    private ResultFiles() {}

    /**
     * Writes {@code base.json}, {@code base.csv}, {@code base.png} (mean per-pair m) and
     * {@code base-ratio.png} (ratio of mean differences).
     */
    public static void writeEffect(Path dir, String base, EffectResult r, String title, ObjectNode info) throws IOException {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("title", title);
        if (info != null) {
            o.set("run", info);
        }
        o.setAll(r.toJson());
        Json.write(dir.resolve(base + ".json"), o);
        r.writeCsv(dir.resolve(base + ".csv"));
        heatmap(dir.resolve(base + ".png"), title + " - mean per-pair m (" + r.kept() + "/" + r.pairs().size() + " pairs)", r, r.meanM(),
                "m = (s_patched - s_B)/(s_P - s_B)");
        heatmap(dir.resolve(base + "-ratio.png"), title + " - ratio of mean differences (" + r.pairs().size() + " pairs)", r,
                r.ratioOfMeans(), "mean(s_patched - s_B)/mean(s_P - s_B)");
    }

    /** A heatmap of flat grid values: 2 axes give one panel, 3 axes one panel per first-axis label. */
    public static void heatmap(Path png, String title, EffectResult r, double[] values, String scaleLabel) throws IOException {
        heatmap(png, title, r.grid(), values, scaleLabel);
    }

    public static void heatmap(Path png, String title, GridSpec grid, double[] values, String scaleLabel) throws IOException {
        List<GridSpec.Axis> axes = grid.axes();
        List<Heatmap.Panel> panels = new ArrayList<>();
        GridSpec.Axis rowAxis;
        GridSpec.Axis colAxis;
        if (axes.size() == 2) {
            rowAxis = axes.get(0);
            colAxis = axes.get(1);
            panels.add(new Heatmap.Panel("", matrix(values, 0, rowAxis.size(), colAxis.size()), rowAxis.labels(), colAxis.labels()));
        } else if (axes.size() == 3) {
            rowAxis = axes.get(1);
            colAxis = axes.get(2);
            int block = rowAxis.size() * colAxis.size();
            for (int i = 0; i < axes.get(0).size(); i++) {
                panels.add(new Heatmap.Panel(axes.get(0).name() + " = " + axes.get(0).labels().get(i),
                        matrix(values, i * block, rowAxis.size(), colAxis.size()), rowAxis.labels(), colAxis.labels()));
            }
        } else {
            throw new IllegalArgumentException("heatmaps take 2 or 3 axes");
        }
        Heatmap.write(png, title, panels, colAxis.name(), rowAxis.name(), scaleLabel, Double.NaN);
    }

    private static double[][] matrix(double[] flat, int offset, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, offset + r * cols, m[r], 0, cols);
        }
        return m;
    }
}
