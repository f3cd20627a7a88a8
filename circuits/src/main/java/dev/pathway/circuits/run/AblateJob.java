package dev.pathway.circuits.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.ablate.AblationMode;
import dev.pathway.circuits.ablate.AblationReport;
import dev.pathway.circuits.data.DiagnosticSample;
import dev.pathway.circuits.data.DiagnosticSet;
import dev.pathway.circuits.data.QuerySelection;
import dev.pathway.circuits.plot.BarChart;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pathway circuits ablate}: mean logits before and after ablating heads on each given
 * diagnostic set; the mean-ablation reference is the baselines of the evaluated samples unless a
 * reference file is given (its baselines and perturbed documents).
 */
public record AblateJob(List<HeadId> heads, AblationMode mode, Map<String, Path> sets, int samples, long seed, Path reference,
        int maxLength, int batch, Path out, boolean overwrite) {

    public ObjectNode run(CrossEncoder model, Path modelDir) {
        heads.forEach(h -> h.checked(model.config()));
        AtomicDirectory.checkTarget(out, overwrite);
        Map<String, List<DiagnosticSample>> loaded = new LinkedHashMap<>();
        ObjectNode info = RunInfo.of(model, modelDir, "circuits ablate");
        for (Map.Entry<String, Path> e : sets.entrySet()) {
            List<DiagnosticSample> all = DiagnosticSet.read(e.getValue());
            loaded.put(e.getKey(), QuerySelection.sample(all, samples, Seeds.derive(seed, "ablate/" + e.getKey())));
            RunInfo.data(info, e.getKey(), e.getValue());
        }
        List<PairEncoding> ref = new ArrayList<>();
        if (mode == AblationMode.MEAN) {
            if (reference != null) {
                RunInfo.data(info, "reference", reference);
                for (DiagnosticSample s : DiagnosticSet.read(reference)) {
                    ref.add(model.tokenizer().encodePair(s.query(), s.baseline(), maxLength));
                    for (String p : s.perturbed()) {
                        ref.add(model.tokenizer().encodePair(s.query(), p, maxLength));
                    }
                }
            } else {
                for (List<DiagnosticSample> ss : loaded.values()) {
                    for (DiagnosticSample s : ss) {
                        ref.add(model.tokenizer().encodePair(s.query(), s.baseline(), maxLength));
                    }
                }
            }
        }
        AblationReport r = AblationReport.run(model, loaded, heads, mode, ref, maxLength, batch);
        info.put("samples_per_set", samples);
        info.put("seed", seed);
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.set("run", info);
        json.setAll(r.toJson());
        AtomicDirectory.write(out, overwrite, dir -> {
            Json.write(dir.resolve("ablation.json"), json);
            r.writeCsv(dir.resolve("ablation.csv"));
            List<String> cats = new ArrayList<>(r.means().keySet());
            List<Double> pb = new ArrayList<>();
            List<Double> pa = new ArrayList<>();
            List<Double> bb = new ArrayList<>();
            List<Double> ba = new ArrayList<>();
            for (double[] v : r.means().values()) {
                bb.add(v[0]);
                ba.add(v[1]);
                pb.add(v[2]);
                pa.add(v[3]);
            }
            BarChart.write(dir.resolve("ablation.png"), mode.name().toLowerCase(java.util.Locale.ROOT) + " ablation of " + heads.size()
                    + " heads: mean logits", "diagnostic set", "mean logit", cats, List.of(new BarChart.Series("baseline, before", bb),
                    new BarChart.Series("baseline, after", ba), new BarChart.Series("perturbed, before", pb),
                    new BarChart.Series("perturbed, after", pa)));
        });
        ObjectNode summary = r.toJson();
        summary.put("out", out.toAbsolutePath().toString());
        return summary;
    }
}
