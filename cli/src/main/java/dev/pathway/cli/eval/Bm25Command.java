package dev.pathway.cli.eval;

import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.eval.bm25.Bm25Index;
import dev.pathway.eval.bm25.Bm25Params;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.RunFiles;
import dev.pathway.eval.metrics.Evaluation;
import dev.pathway.eval.metrics.Evaluator;
import dev.pathway.eval.metrics.Metric;
import dev.pathway.eval.report.EvalReport;
import dev.pathway.eval.report.ReportWriter;
import dev.pathway.eval.stats.Condition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway eval bm25}: a BM25 run of a split's queries, evaluated. */
@Command(name = "bm25", mixinStandardHelpOptions = true,
        description = "BM25 (Lucene, Anserini's flat BEIR setup) over a split's queries: writes bm25.trec, results.json, report.md, chart.png.")
public final class Bm25Command implements Callable<Integer> {
    @Mixin
    DataSetOptions data;

    @Mixin
    MetricOptions metricOptions;

    @Mixin
    OutOptions out;

    @Option(names = "--k1", defaultValue = "0.9", description = "BM25 k1 (default: ${DEFAULT-VALUE}).")
    float k1;

    @Option(names = "--b", defaultValue = "0.4", description = "BM25 b (default: ${DEFAULT-VALUE}).")
    float b;

    @Option(names = "--fields", defaultValue = "flat",
            description = "flat (one field, title + text, Anserini's flat BEIR runs) or multifield (title and text apart, summed) (default: ${DEFAULT-VALUE}).")
    String fields;

    @Option(names = "--hits", defaultValue = "1000", description = "Documents retrieved per query (default: ${DEFAULT-VALUE}).")
    int hits;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Metric> metrics = metricOptions.metrics();
        Bm25Params params = new Bm25Params(k1, b, Bm25Params.Fields.parse(fields));
        DataSet ds = DataSets.resolve(data.dataset);
        Path target = out.resolve("bm25-" + ds.name() + "-" + data.split);
        var qrels = ds.qrels(data.split);
        Run run;
        Path indexDir;
        try (Bm25Index index = Bm25Index.openOrBuild(ds)) {
            indexDir = index.directory();
            run = index.search(ds.queries(data.split), params, hits, "bm25");
        }
        Evaluation e = Evaluator.evaluate(run, qrels, metrics);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("bm25", params + ", hits " + hits + (params.fields() == Bm25Params.Fields.FLAT ? " (one field: title + \" \" + text)"
                : " (title and text fields, BM25 of each summed)") + ", Lucene EnglishAnalyzer with Porter stemming");
        settings.put("index", indexDir.toString());
        EvalReport report = new EvalReport("BM25 on " + ds.name() + " " + data.split, EvalSupport.command(spec),
                EvalSupport.info(ds, data.split), qrels.source(), metrics, metricOptions.averaging(),
                List.of(new Condition("bm25", List.of(e), List.of("bm25.trec"))), List.of(), null, settings, EvalSupport.notes("bm25", e));
        AtomicDirectory.write(target, out.overwrite(), dir -> {
            RunFiles.write(run, dir.resolve("bm25.trec"));
            ReportWriter.write(report, dir);
        });
        EvalSupport.print(spec.commandLine().getOut(), report);
        spec.commandLine().getOut().println("wrote " + target.toAbsolutePath());
        return 0;
    }
}
