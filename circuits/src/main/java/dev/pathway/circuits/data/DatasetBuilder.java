package dev.pathway.circuits.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Sha256;
import dev.pathway.core.util.Version;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Builds the diagnostic sets of one selection and writes them as {@code <kind>.jsonl} plus a
 * {@code manifest.json} (source, options, selected queries with their terms, counts, checksums).
 */
public final class DatasetBuilder {
    private static final Logger LOG = LogManager.getLogger(DatasetBuilder.class);
    private static final Map<DiagnosticKind, DiagnosticBuilder> BUILDERS = new EnumMap<>(Map.of(
            DiagnosticKind.TFC1, new Tfc1Builder(),
            DiagnosticKind.STMC1, new Stmc1Builder(),
            DiagnosticKind.TFC2, new Tfc2Builder(),
            DiagnosticKind.LNC1, new Lnc1Builder()));

    private DatasetBuilder() {}

    /** The built sets and the selection they share. */
    public record Result(QuerySelection selection, Map<DiagnosticKind, List<DiagnosticSample>> sets, BuildOptions options, String source) {}

    /**
     * @param termIdf IDF used to choose terms where the source gives none
     */
    public static Result build(BaseData base, CrossEncoder model, BuildOptions opt, Set<DiagnosticKind> kinds, TermIdf termIdf) {
        TermSelector selector = new TermSelector(model.tokenizer(), termIdf);
        QuerySelection selection = QuerySelection.select(base, opt, selector);
        LOG.info("selected {} queries from {} (skipped {})", selection.queries().size(), base.name(), selection.skipped());
        SynonymFinder[] finder = new SynonymFinder[1];
        BuildContext ctx = new BuildContext(base, selection, opt, new DocFitter(model.tokenizer(), opt.maxLength()),
                (term, query) -> {
                    if (finder[0] == null) {
                        finder[0] = new SynonymFinder(model);
                    }
                    return finder[0].nearest(term, query);
                });
        Map<DiagnosticKind, List<DiagnosticSample>> sets = new EnumMap<>(DiagnosticKind.class);
        for (DiagnosticKind k : DiagnosticKind.values()) {
            if (kinds.contains(k)) {
                sets.put(k, BUILDERS.get(k).build(ctx));
            }
        }
        return new Result(selection, sets, opt, base.name());
    }

    public static void write(Result r, Path out, boolean overwrite) {
        write(r, out, overwrite, Map.of());
    }

    /** Writes the sets; {@code extra} entries (e.g. the term IDF source) go into the manifest. */
    public static void write(Result r, Path out, boolean overwrite, Map<String, String> extra) {
        AtomicDirectory.write(out, overwrite, dir -> {
            ObjectNode manifest = Json.MAPPER.createObjectNode();
            manifest.put("tool", "pathway " + Version.get());
            manifest.put("source", r.source());
            extra.forEach(manifest::put);
            ObjectNode o = manifest.putObject("options");
            o.put("seed", r.options().seed());
            o.put("queries", r.options().maxQueries());
            o.put("docs_per_query", r.options().docsPerQuery());
            o.put("max_length", r.options().maxLength());
            o.put("pronoun", r.options().pronoun());
            o.put("term_rule", r.options().termRule());
            ObjectNode skipped = manifest.putObject("skipped_queries");
            r.selection().skipped().forEach(skipped::put);
            ArrayNode qs = manifest.putArray("selected_queries");
            for (SelectedQuery q : r.selection().queries()) {
                ObjectNode n = qs.addObject();
                n.put("qid", q.qid());
                n.put("query", q.text());
                n.put("term", q.term());
                n.put("term_source", q.termSource());
                n.put("docs", q.docs().size());
            }
            ObjectNode files = manifest.putObject("files");
            for (Map.Entry<DiagnosticKind, List<DiagnosticSample>> e : r.sets().entrySet()) {
                Path f = dir.resolve(e.getKey().fileName());
                DiagnosticSet.write(f, e.getValue());
                ObjectNode fn = files.putObject(e.getKey().fileName());
                fn.put("samples", e.getValue().size());
                fn.put("queries", e.getValue().stream().map(DiagnosticSample::qid).distinct().count());
                fn.put("sha256", Sha256.of(f));
            }
            Json.write(dir.resolve("manifest.json"), manifest);
        });
    }
}
