package dev.pathway.circuits.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.align.TokenPieces;
import dev.pathway.circuits.data.DiagnosticSample;
import dev.pathway.circuits.plot.LineChart;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Analysis (c): how heads' attention to the selected term changes along a TFC2 set (0..5
 * occurrences: term saturation, the paper's Figure 12) or an LNC1 set (0..4 added sentences:
 * document length, Figure 13). For each input of a sample's series and each head:
 *
 * <ul>
 *   <li>{@code selected}: the attention from the query tokens to the document's occurrences of the
 *       term, summed over occurrences and averaged over query tokens (the term's "total semantic
 *       match");
 *   <li>{@code others}: the attention from the query tokens to a document token that matches no
 *       query word, averaged over such tokens and over query tokens.
 * </ul>
 *
 * Both, and the logit, are averaged over samples for each point of the series.
 */
public final class MatchingCurves {
    private final String kind;
    private final List<String> xLabels;
    private final int layers;
    private final int heads;
    private final double[][][] selected;
    private final double[][][] others;
    private final double[] logits;
    private final int samples;

    private MatchingCurves(String kind, List<String> xLabels, int layers, int heads, double[][][] selected, double[][][] others,
            double[] logits, int samples) {
        this.kind = kind;
        this.xLabels = xLabels;
        this.layers = layers;
        this.heads = heads;
        this.selected = selected;
        this.others = others;
        this.logits = logits;
        this.samples = samples;
    }

    public static MatchingCurves run(CrossEncoder model, List<DiagnosticSample> samples, int maxLength) {
        if (samples.isEmpty()) {
            throw new UserInputException("no samples for the curves");
        }
        int points = samples.get(0).perturbed().size() + 1;
        for (DiagnosticSample s : samples) {
            if (s.perturbed().size() + 1 != points) {
                throw new UserInputException("sample " + s.id() + " has " + (s.perturbed().size() + 1) + " documents, the first has " + points
                        + "; curves need series of equal length");
            }
        }
        List<String> xs = new ArrayList<>();
        DiagnosticSample first = samples.get(0);
        xs.add(first.meta().has("baseline_label") ? first.meta().get("baseline_label").asText() : "0");
        for (int v = 0; v < points - 1; v++) {
            var labels = first.meta().get("variant_labels");
            xs.add(labels != null && labels.size() > v ? labels.get(v).asText() : Integer.toString(v + 1));
        }
        int layers = model.config().numLayers();
        int heads = model.config().numHeads();
        double[][][] sel = new double[layers][heads][points];
        double[][][] oth = new double[layers][heads][points];
        double[] logit = new double[points];
        TokenPieces pieces = new TokenPieces(model.tokenizer());
        try (Progress bar = ProgressBars.start("curves " + first.kind().name().toLowerCase(Locale.ROOT), samples.size(), "samples")) {
            for (DiagnosticSample s : samples) {
                long[] term = model.tokenizer().ids(s.term());
                Set<Long> queryIds = new HashSet<>();
                for (int k = 0; k < points; k++) {
                    String doc = k == 0 ? s.baseline() : s.variant(k);
                    PairEncoding e = model.tokenizer().encodePair(s.query(), doc, maxLength);
                    if (k == 0) {
                        for (int i = 1; i < e.firstSep(); i++) {
                            queryIds.add(e.ids()[i]);
                        }
                    }
                    boolean[] isTerm = pieces.wordMatches(e.ids(), term, e.docStart(), e.lastSep());
                    Patterns p = Patterns.of(model, e);
                    logit[k] += p.logit();
                    int q0 = 1;
                    int q1 = e.firstSep();
                    List<Integer> other = new ArrayList<>();
                    List<Integer> matched = new ArrayList<>();
                    for (int j = e.docStart(); j < e.lastSep(); j++) {
                        if (isTerm[j]) {
                            matched.add(j);
                        } else if (!queryIds.contains(e.ids()[j])) {
                            other.add(j);
                        }
                    }
                    for (int l = 0; l < layers; l++) {
                        for (int h = 0; h < heads; h++) {
                            double ssel = 0;
                            double soth = 0;
                            for (int i = q0; i < q1; i++) {
                                for (int j : matched) {
                                    ssel += p.at(l, h, i, j);
                                }
                                double o = 0;
                                for (int j : other) {
                                    o += p.at(l, h, i, j);
                                }
                                soth += other.isEmpty() ? 0 : o / other.size();
                            }
                            int nq = Math.max(1, q1 - q0);
                            sel[l][h][k] += ssel / nq;
                            oth[l][h][k] += soth / nq;
                        }
                    }
                }
                bar.step(1);
            }
        }
        int n = samples.size();
        for (int k = 0; k < points; k++) {
            logit[k] /= n;
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    sel[l][h][k] /= n;
                    oth[l][h][k] /= n;
                }
            }
        }
        return new MatchingCurves(first.kind().name(), xs, layers, heads, sel, oth, logit, n);
    }

    public double[] selected(HeadId h) {
        return selected[h.layer()][h.head()].clone();
    }

    public double[] others(HeadId h) {
        return others[h.layer()][h.head()].clone();
    }

    public double[] logits() {
        return logits.clone();
    }

    /** The heads to draw: the given ones, else the 8 whose attention to the term grows most. */
    public List<HeadId> plotted(List<HeadId> given) {
        if (given != null && !given.isEmpty()) {
            return given;
        }
        List<HeadId> all = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                all.add(new HeadId(l, h));
            }
        }
        int last = xLabels.size() - 1;
        all.sort(Comparator.comparingDouble((HeadId h) -> -(selected[h.layer()][h.head()][last] - selected[h.layer()][h.head()][0])));
        return all.subList(0, Math.min(8, all.size()));
    }

    public ObjectNode toJson(List<HeadId> group) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("set", kind);
        o.put("samples", samples);
        ArrayNode x = o.putArray("x");
        xLabels.forEach(x::add);
        o.put("x_means", kind.equals("TFC2") ? "occurrences of the term in the document" : "sentences added from unrelated documents");
        ArrayNode lg = o.putArray("mean_logit");
        for (double v : logits) {
            lg.add(v);
        }
        ArrayNode hs = o.putArray("heads");
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                ObjectNode n = hs.addObject();
                HeadId id = new HeadId(l, h);
                n.put("head", id.toString());
                if (group != null) {
                    n.put("in_group", group.contains(id));
                }
                ArrayNode s = n.putArray("selected");
                ArrayNode t = n.putArray("others");
                for (int k = 0; k < xLabels.size(); k++) {
                    s.add(selected[l][h][k]);
                    t.add(others[l][h][k]);
                }
            }
        }
        return o;
    }

    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("layer,head,x,selected,others,mean_logit\n");
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    for (int k = 0; k < xLabels.size(); k++) {
                        w.write(String.format(Locale.ROOT, "%d,%d,%s,%.6g,%.6g,%.6g%n", l, h, xLabels.get(k), selected[l][h][k], others[l][h][k],
                                logits[k]));
                    }
                }
            }
        }
    }

    public void writeCharts(Path dir, String base, List<HeadId> heads) throws IOException {
        double[] x = new double[xLabels.size()];
        for (int k = 0; k < x.length; k++) {
            try {
                x[k] = Double.parseDouble(xLabels.get(k));
            } catch (NumberFormatException e) {
                x[k] = k;
            }
        }
        String xTitle = kind.equals("TFC2") ? "occurrences of the selected term" : "sentences added from unrelated documents";
        List<LineChart.Series> sel = new ArrayList<>();
        List<LineChart.Series> oth = new ArrayList<>();
        for (HeadId h : heads) {
            sel.add(new LineChart.Series(h.toString(), x, selected(h)));
            oth.add(new LineChart.Series(h.toString(), x, others(h)));
        }
        LineChart.write(dir.resolve(base + "-selected.png"), kind + ": attention from query tokens to the selected term (sum over occurrences)",
                xTitle, "attention (mean over query tokens)", sel);
        LineChart.write(dir.resolve(base + "-others.png"), kind + ": attention from query tokens to an unmatched document token", xTitle,
                "attention (mean over tokens)", oth);
        LineChart.write(dir.resolve(base + "-logit.png"), kind + ": mean logit", xTitle, "logit",
                List.of(new LineChart.Series("mean logit", x, logits)));
    }
}
