package dev.pathway.circuits.ablate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.data.DiagnosticSample;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mean logits before and after ablating a set of heads, on the baseline and perturbed documents of
 * each diagnostic set (the paper: TFC1 perturbed 5.146 to -4.394, STMC1 -1.998 to -4.611 after
 * mean-ablating the matching heads of its model).
 */
public final class AblationReport {
    /** Before/after logits of one set. */
    public record SetResult(String name, List<String> ids, float[] baselineBefore, float[] baselineAfter, float[] perturbedBefore,
            float[] perturbedAfter) {
        static double mean(float[] v) {
            double s = 0;
            for (float x : v) {
                s += x;
            }
            return v.length == 0 ? Double.NaN : s / v.length;
        }
    }

    private final List<HeadId> heads;
    private final AblationMode mode;
    private final int referenceInputs;
    private final List<SetResult> sets;

    private AblationReport(List<HeadId> heads, AblationMode mode, int referenceInputs, List<SetResult> sets) {
        this.heads = heads;
        this.mode = mode;
        this.referenceInputs = referenceInputs;
        this.sets = sets;
    }

    /**
     * @param sets diagnostic samples by set name; each sample's last perturbed variant is scored
     * @param reference the inputs whose class means replace z (ignored for zero ablation)
     */
    public static AblationReport run(CrossEncoder model, Map<String, List<DiagnosticSample>> sets, List<HeadId> heads, AblationMode mode,
            List<PairEncoding> reference, int maxLength, int batch) {
        ClassMeans means = mode == AblationMode.MEAN ? ClassMeans.compute(model, reference, HeadAblation.layers(heads)) : null;
        HeadAblation ablation = new HeadAblation(model, heads, mode, means, batch);
        List<SetResult> out = new ArrayList<>();
        for (Map.Entry<String, List<DiagnosticSample>> e : sets.entrySet()) {
            List<PairEncoding> base = new ArrayList<>();
            List<PairEncoding> pert = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (DiagnosticSample s : e.getValue()) {
                base.add(model.tokenizer().encodePair(s.query(), s.baseline(), maxLength));
                pert.add(model.tokenizer().encodePair(s.query(), s.variant(s.perturbed().size()), maxLength));
                ids.add(s.id());
            }
            out.add(new SetResult(e.getKey(), ids, ablation.plainScores(base), ablation.scores(base), ablation.plainScores(pert),
                    ablation.scores(pert)));
        }
        return new AblationReport(List.copyOf(heads), mode, mode == AblationMode.MEAN ? reference.size() : 0, out);
    }

    public List<SetResult> sets() {
        return sets;
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("mode", mode.name().toLowerCase(Locale.ROOT));
        o.put("replacement", mode == AblationMode.MEAN
                ? "z of each ablated head := its mean over the reference inputs for the position's class (CLS, query, SEP1, doc, SEP2)"
                : "z of each ablated head := 0");
        o.put("reference_inputs", referenceInputs);
        ArrayNode hs = o.putArray("heads");
        heads.forEach(h -> hs.add(h.toString()));
        ObjectNode s = o.putObject("sets");
        for (SetResult r : sets) {
            ObjectNode n = s.putObject(r.name());
            n.put("samples", r.ids().size());
            n.put("perturbed_mean_logit_before", SetResult.mean(r.perturbedBefore()));
            n.put("perturbed_mean_logit_after", SetResult.mean(r.perturbedAfter()));
            n.put("baseline_mean_logit_before", SetResult.mean(r.baselineBefore()));
            n.put("baseline_mean_logit_after", SetResult.mean(r.baselineAfter()));
        }
        return o;
    }

    /** One row per sample: set, id, the four logits. */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("set,id,baseline_before,baseline_after,perturbed_before,perturbed_after\n");
            for (SetResult r : sets) {
                for (int i = 0; i < r.ids().size(); i++) {
                    w.write(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%.6f,%.6f%n", r.name(), csv(r.ids().get(i)), r.baselineBefore()[i],
                            r.baselineAfter()[i], r.perturbedBefore()[i], r.perturbedAfter()[i]));
                }
            }
        }
    }

    /** Mean logits per set, before and after, as a table of doubles for a picture. */
    public Map<String, double[]> means() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (SetResult r : sets) {
            out.put(r.name(), new double[] {SetResult.mean(r.baselineBefore()), SetResult.mean(r.baselineAfter()),
                SetResult.mean(r.perturbedBefore()), SetResult.mean(r.perturbedAfter())});
        }
        return out;
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
