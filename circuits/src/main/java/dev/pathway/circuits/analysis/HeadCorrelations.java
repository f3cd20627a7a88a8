package dev.pathway.circuits.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.io.ResultFiles;
import dev.pathway.circuits.patch.GridSpec;
import dev.pathway.core.util.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A per-head correlation between attention and a token property, over many inputs: pooled r (all
 * points of all inputs together), the mean of per-input r (inputs where r is defined), and the
 * mean of per-input |r|; plus group means over a named set of heads and the rest.
 */
public final class HeadCorrelations {
    private final String what;
    private final int layers;
    private final int heads;
    private final Pearson[][] pooled;
    private final double[][] sumR;
    private final double[][] sumAbsR;
    private final int[][] nR;
    private int inputs;

    HeadCorrelations(String what, int layers, int heads) {
        this.what = what;
        this.layers = layers;
        this.heads = heads;
        this.pooled = new Pearson[layers][heads];
        this.sumR = new double[layers][heads];
        this.sumAbsR = new double[layers][heads];
        this.nR = new int[layers][heads];
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                pooled[l][h] = new Pearson();
            }
        }
    }

    /** Adds one input's points of one head. */
    void add(int layer, int head, double[] x, double[] y, int n) {
        Pearson one = new Pearson();
        for (int i = 0; i < n; i++) {
            pooled[layer][head].add(x[i], y[i]);
            one.add(x[i], y[i]);
        }
        double r = one.r();
        if (!Double.isNaN(r)) {
            sumR[layer][head] += r;
            sumAbsR[layer][head] += Math.abs(r);
            nR[layer][head]++;
        }
    }

    void countInput() {
        inputs++;
    }

    public double pooledR(HeadId h) {
        return pooled[h.layer()][h.head()].r();
    }

    public double meanR(HeadId h) {
        return nR[h.layer()][h.head()] == 0 ? Double.NaN : sumR[h.layer()][h.head()] / nR[h.layer()][h.head()];
    }

    public double meanAbsR(HeadId h) {
        return nR[h.layer()][h.head()] == 0 ? Double.NaN : sumAbsR[h.layer()][h.head()] / nR[h.layer()][h.head()];
    }

    /** Group summary: mean over the group's heads and over the other heads of a per-head value. */
    public ObjectNode toJson(List<HeadId> group, String groupName) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("what", what);
        o.put("inputs", inputs);
        ArrayNode hs = o.putArray("heads");
        List<HeadId> all = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                HeadId id = new HeadId(l, h);
                all.add(id);
                ObjectNode n = hs.addObject();
                n.put("head", id.toString());
                put(n, "r_pooled", pooledR(id));
                put(n, "r_mean", meanR(id));
                put(n, "abs_r_mean", meanAbsR(id));
                n.put("inputs_with_r", nR[l][h]);
                n.put("points", pooled[l][h].n());
                if (group != null) {
                    n.put(groupName, group.contains(id));
                }
            }
        }
        if (group != null && !group.isEmpty()) {
            List<HeadId> rest = all.stream().filter(h -> !group.contains(h)).toList();
            ObjectNode g = o.putObject("groups");
            g.set(groupName, summary(group));
            g.set("others", summary(rest));
        }
        ObjectNode allSum = o.putObject("all_heads");
        allSum.setAll(summary(all));
        return o;
    }

    private ObjectNode summary(List<HeadId> hs) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode names = o.putArray("heads");
        double pooledSum = 0;
        double meanSum = 0;
        double absSum = 0;
        int np = 0;
        int nm = 0;
        for (HeadId h : hs) {
            names.add(h.toString());
            if (!Double.isNaN(pooledR(h))) {
                pooledSum += pooledR(h);
                np++;
            }
            if (!Double.isNaN(meanR(h))) {
                meanSum += meanR(h);
                absSum += meanAbsR(h);
                nm++;
            }
        }
        put(o, "mean_of_r_pooled", np == 0 ? Double.NaN : pooledSum / np);
        put(o, "mean_of_r_mean", nm == 0 ? Double.NaN : meanSum / nm);
        put(o, "mean_of_abs_r_mean", nm == 0 ? Double.NaN : absSum / nm);
        return o;
    }

    private static void put(ObjectNode n, String k, double v) {
        if (Double.isNaN(v)) {
            n.putNull(k);
        } else {
            n.put(k, v);
        }
    }

    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("layer,head,r_pooled,r_mean,abs_r_mean,inputs_with_r,points\n");
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    HeadId id = new HeadId(l, h);
                    w.write(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%d,%d%n", l, h, num(pooledR(id)), num(meanR(id)), num(meanAbsR(id)),
                            nR[l][h], pooled[l][h].n()));
                }
            }
        }
    }

    /** Layer x head heatmaps of pooled r and of mean per-input r. */
    public void writeHeatmaps(Path dir, String base, String title) throws IOException {
        List<String> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            ls.add(Integer.toString(l));
        }
        List<String> hs = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            hs.add(Integer.toString(h));
        }
        GridSpec grid = new GridSpec(List.of(new GridSpec.Axis("layer", ls), new GridSpec.Axis("head", hs)));
        double[] pooledV = new double[layers * heads];
        double[] meanV = new double[layers * heads];
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                pooledV[l * heads + h] = pooledR(new HeadId(l, h));
                meanV[l * heads + h] = meanR(new HeadId(l, h));
            }
        }
        ResultFiles.heatmap(dir.resolve(base + ".png"), title + " - pooled Pearson r", grid, pooledV, "Pearson r");
        ResultFiles.heatmap(dir.resolve(base + "-per-input.png"), title + " - mean of per-input r", grid, meanV, "Pearson r");
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }
}
