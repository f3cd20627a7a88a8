package dev.pathway.circuits.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.analysis.AttentionCosine;
import dev.pathway.circuits.analysis.HeadCorrelations;
import dev.pathway.circuits.analysis.MatchingCurves;
import dev.pathway.circuits.analysis.ScoringIdf;
import dev.pathway.circuits.data.DiagnosticKind;
import dev.pathway.circuits.data.DiagnosticSample;
import dev.pathway.circuits.data.DiagnosticSet;
import dev.pathway.circuits.data.QuerySelection;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Seeds;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.idf.IdfFormula;
import dev.pathway.editing.idf.IdfSources;
import dev.pathway.editing.idf.IdfTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code pathway circuits analyze}: the head analyses, each run when its input is given:
 *
 * <ul>
 *   <li>(a) {@code cosine}: attention query token -> document token vs the tokens' embedding cosine,
 *       per head; matching heads vs the others;
 *   <li>(b) {@code idf}: [CLS] -> query-token attention vs the tokens' IDF, per head; scoring heads
 *       vs the others;
 *   <li>(c) {@code tfc2} and {@code lnc1}: saturation and length curves of heads' attention to the
 *       selected term.
 * </ul>
 *
 * (a) and (b) use the perturbed documents (last variant) of a seeded sample of the file.
 */
public record AnalyzeJob(Path cosineData, Path idfData, String idfSource, Path tfc2, Path lnc1, int samples, long seed, int maxLength,
        List<HeadId> matchingHeads, List<HeadId> scoringHeads, Path out, boolean overwrite) {

    public ObjectNode run(CrossEncoder model, Path modelDir) {
        if (cosineData == null && idfData == null && tfc2 == null && lnc1 == null) {
            throw new UserInputException("nothing to analyze: give --cosine, --idf-data, --tfc2 and/or --lnc1");
        }
        AtomicDirectory.checkTarget(out, overwrite);
        ObjectNode info = RunInfo.of(model, modelDir, "circuits analyze");
        info.put("samples", samples);
        info.put("seed", seed);
        IdfTable table = idfData == null ? null
                : IdfSources.resolve(idfSource, model.tokenizer(), IdfFormula.MSMARCO, OptionalDouble.of(IdfSources.MSMARCO_PLACEHOLDER));
        HeadCorrelations cos = null;
        if (cosineData != null) {
            RunInfo.data(info, "cosine", cosineData);
            cos = AttentionCosine.run(model, perturbedInputs(model, cosineData, "cosine"));
        }
        HeadCorrelations idf = null;
        if (idfData != null) {
            RunInfo.data(info, "idf", idfData);
            info.put("idf_source", table.source());
            idf = ScoringIdf.run(model, perturbedInputs(model, idfData, "idf"), table);
        }
        MatchingCurves sat = tfc2 == null ? null : curves(model, tfc2, DiagnosticKind.TFC2, info);
        MatchingCurves len = lnc1 == null ? null : curves(model, lnc1, DiagnosticKind.LNC1, info);
        ObjectNode summary = Json.MAPPER.createObjectNode();
        HeadCorrelations c = cos;
        HeadCorrelations i = idf;
        AtomicDirectory.write(out, overwrite, dir -> {
            if (c != null) {
                ObjectNode j = c.toJson(matchingHeads, "matching");
                j.set("run", info);
                Json.write(dir.resolve("attention-cosine.json"), j);
                c.writeCsv(dir.resolve("attention-cosine.csv"));
                c.writeHeatmaps(dir, "attention-cosine", "Attention (query -> doc token) vs embedding cosine");
                summary.set("attention_cosine", j.has("groups") ? j.get("groups") : j.get("all_heads"));
            }
            if (i != null) {
                ObjectNode j = i.toJson(scoringHeads, "scoring");
                j.set("run", info);
                Json.write(dir.resolve("cls-attention-idf.json"), j);
                i.writeCsv(dir.resolve("cls-attention-idf.csv"));
                i.writeHeatmaps(dir, "cls-attention-idf", "[CLS] -> query-token attention vs IDF");
                summary.set("cls_attention_idf", j.has("groups") ? j.get("groups") : j.get("all_heads"));
            }
            if (sat != null) {
                writeCurves(dir, "tfc2-saturation", sat, info);
            }
            if (len != null) {
                writeCurves(dir, "lnc1-length", len, info);
            }
            Json.write(dir.resolve("run.json"), info);
        });
        summary.put("out", out.toAbsolutePath().toString());
        return summary;
    }

    private void writeCurves(Path dir, String base, MatchingCurves m, ObjectNode info) throws java.io.IOException {
        ObjectNode j = m.toJson(matchingHeads);
        j.set("run", info);
        Json.write(dir.resolve(base + ".json"), j);
        m.writeCsv(dir.resolve(base + ".csv"));
        m.writeCharts(dir, base, m.plotted(matchingHeads));
    }

    private List<PairEncoding> perturbedInputs(CrossEncoder model, Path file, String purpose) {
        List<DiagnosticSample> all = QuerySelection.sample(DiagnosticSet.read(file), samples, Seeds.derive(seed, purpose));
        List<PairEncoding> out = new ArrayList<>();
        for (DiagnosticSample s : all) {
            out.add(model.tokenizer().encodePair(s.query(), s.variant(s.perturbed().size()), maxLength));
        }
        return out;
    }

    private MatchingCurves curves(CrossEncoder model, Path file, DiagnosticKind kind, ObjectNode info) {
        RunInfo.data(info, kind.name().toLowerCase(java.util.Locale.ROOT), file);
        List<DiagnosticSample> all = DiagnosticSet.read(file);
        for (DiagnosticSample s : all) {
            if (s.kind() != kind) {
                throw new UserInputException(file + ": sample " + s.id() + " is " + s.kind() + ", expected " + kind);
            }
        }
        return MatchingCurves.run(model, QuerySelection.sample(all, samples, Seeds.derive(seed, kind.name())), maxLength);
    }
}
