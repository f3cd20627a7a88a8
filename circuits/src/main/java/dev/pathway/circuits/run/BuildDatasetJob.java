package dev.pathway.circuits.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.data.BaseSources;
import dev.pathway.circuits.data.BuildOptions;
import dev.pathway.circuits.data.DatasetBuilder;
import dev.pathway.circuits.data.DiagnosticKind;
import dev.pathway.circuits.data.DiagnosticSample;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code pathway circuits build-dataset}: diagnostic sets from a base data set, as JSONL plus a manifest. */
public record BuildDatasetJob(String source, Path paperDir, String split, int minGrade, String termIdf, Set<DiagnosticKind> kinds,
        BuildOptions options, Path out, boolean overwrite) {

    public ObjectNode run(CrossEncoder model) {
        AtomicDirectory.checkTarget(out, overwrite);
        BaseSources.Resolved src = BaseSources.resolve(source, paperDir, split, minGrade, termIdf, model.tokenizer());
        DatasetBuilder.Result r = DatasetBuilder.build(src.base(), model, options, kinds, src.idf());
        DatasetBuilder.write(r, out, overwrite, Map.of("term_idf", src.idfSource(), "model", model.tokenizerDir().toAbsolutePath().toString()));
        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("out", out.toAbsolutePath().toString());
        summary.put("source", src.base().name());
        summary.put("queries", r.selection().queries().size());
        ObjectNode sets = summary.putObject("samples");
        for (Map.Entry<DiagnosticKind, List<DiagnosticSample>> e : r.sets().entrySet()) {
            sets.put(e.getKey().fileName(), e.getValue().size());
        }
        return summary;
    }
}
