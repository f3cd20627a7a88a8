package dev.pathway.cli.eval;

import dev.pathway.cli.engine.DistributedEngine;
import dev.pathway.cli.engine.EngineOptions;
import dev.pathway.cli.options.DeviceOption;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.checkpoint.Provenance;
import dev.pathway.core.model.CrossEncoder;
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
import dev.pathway.eval.rerank.RandomOrder;
import dev.pathway.eval.rerank.RerankCandidates;
import dev.pathway.eval.rerank.RerankOptions;
import dev.pathway.eval.rerank.Reranker;
import dev.pathway.eval.stats.Comparisons;
import dev.pathway.eval.stats.Condition;
import dev.pathway.eval.stats.RandomizationTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway eval rerank}: rerank the top k of a first stage (BM25 by default) with a checkpoint. */
@Command(name = "rerank", mixinStandardHelpOptions = true,
        description = "Rerank the top k of a first-stage run (default: BM25) with a cross-encoder checkpoint; compare with the first stage"
                + " on the same pool. Writes first-stage.trec, rerank.trec, results.json, report.md, chart.png.")
public final class RerankCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Checkpoint folder.")
    Path model;

    @Mixin
    DataSetOptions data;

    @Mixin
    MetricOptions metricOptions;

    @Mixin
    OutOptions out;

    @Option(names = "--run", description = "First-stage TREC run to rerank (default: BM25 with --k1/--b).")
    Path firstStage;

    @Option(names = "--top-k", defaultValue = "20", description = "Documents reranked per query (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--max-length", defaultValue = "512", description = "Maximum pair length in tokens (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--batch-size", defaultValue = "32", description = "Pairs per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--k1", defaultValue = "0.9", description = "BM25 k1 of the default first stage (default: ${DEFAULT-VALUE}).")
    float k1;

    @Option(names = "--b", defaultValue = "0.4", description = "BM25 b of the default first stage (default: ${DEFAULT-VALUE}).")
    float b;

    @Option(names = "--permutations", defaultValue = "10000", description = "Randomization-test permutations (default: ${DEFAULT-VALUE}).")
    int permutations;

    @Option(names = "--seed", defaultValue = "42", description = "Randomization-test seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--random-seeds", defaultValue = "10",
            description = "Also report the chance baseline: the same pool in random order, this many seeds (0: none; default: ${DEFAULT-VALUE}).")
    int randomSeeds;

    @Mixin
    DeviceOption device;

    @Mixin
    EngineOptions engine;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Only the queries judged in the split: reranking the others would cost time and count for nothing. */
    private static Run judgedOnly(Run run, dev.pathway.eval.data.Qrels qrels) {
        Run.Builder b = new Run.Builder(run.name());
        for (String q : run.queryIds()) {
            if (qrels.contains(q)) {
                run.ranked(q).forEach(d -> b.add(q, d.docId(), d.score()));
            }
        }
        Run out = b.build();
        if (out.queryIds().isEmpty()) {
            throw new dev.pathway.core.util.UserInputException("run '" + run.name() + "' has no query judged in " + qrels.source());
        }
        return out;
    }

    @Override
    public Integer call() {
        // Options first, then the engine: an unreachable master fails before any work.
        RandomizationTest randomization = new RandomizationTest(CompareCommand.checkPermutations(permutations), seed);
        if (randomSeeds < 0) {
            throw new dev.pathway.core.util.UserInputException("--random-seeds must be >= 0");
        }
        try (DistributedEngine e = engine.distributed() ? engine.open() : null) {
            return call(e, randomization);
        }
    }

    private Integer call(DistributedEngine distributed, RandomizationTest randomization) {
        RerankOptions options = new RerankOptions(topK, maxLength, batchSize);
        List<Metric> metrics = metricOptions.metrics();
        DataSet ds = DataSets.resolve(data.dataset);
        Path target = out.resolve("rerank-" + ds.name() + "-" + data.split);
        var qrels = ds.qrels(data.split);
        Run first;
        String firstName;
        if (firstStage != null) {
            first = RunFiles.read(firstStage);
            RunFiles.requireKnownQueries(first, ds.queries(), firstStage.toString(), ds.name());
            firstName = first.name();
            first = judgedOnly(first, qrels);
        } else {
            try (Bm25Index index = Bm25Index.openOrBuild(ds)) {
                first = index.search(ds.queries(data.split), new Bm25Params(k1, b, Bm25Params.Fields.FLAT), topK, "bm25");
            }
            firstName = "bm25";
        }
        RerankCandidates candidates = RerankCandidates.of(first, topK, ds.queries(), ds);
        Run reranked;
        // The last operation that made the checkpoint (its origin when it has no provenance).
        var ops = Provenance.readOrOrigin(model).operations();
        String origin = ops.isEmpty() ? "" : ops.get(ops.size() - 1).path("kind").asText("");
        double tokenizeSeconds;
        double scoreSeconds;
        String scoredOn;
        if (distributed != null) {
            // Executors tokenize and score (loading the checkpoint from a path they all read); the driver holds texts.
            long t1 = System.nanoTime();
            reranked = candidates.toRun(distributed.scoreTexts(model, candidates.queryTexts(), candidates.docTexts(), maxLength, batchSize),
                    "rerank");
            tokenizeSeconds = 0; // on the executors, inside scoreSeconds
            scoreSeconds = (System.nanoTime() - t1) / 1e9;
            scoredOn = distributed.describe();
        } else {
            try (CrossEncoder m = Checkpoints.load(model, device.device())) {
                long t0 = System.nanoTime();
                candidates.encode(m.tokenizer(), maxLength);
                long t1 = System.nanoTime();
                reranked = new Reranker(m, options).rerank(candidates, "rerank"); // encodings are cached: this is scoring only
                tokenizeSeconds = (t1 - t0) / 1e9;
                scoreSeconds = (System.nanoTime() - t1) / 1e9;
            }
            scoredOn = device.device() + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
        }
        Run pool = first.cut(topK).withName(firstName);
        Evaluation e1 = Evaluator.evaluate(pool, qrels, metrics);
        Evaluation e2 = Evaluator.evaluate(reranked, qrels, metrics);
        List<Condition> conditions = new ArrayList<>(List.of(
                new Condition(firstName + " top-" + topK, List.of(e1), List.of(firstStage == null ? "first-stage.trec" : firstStage.toString())),
                new Condition("reranked", List.of(e2), List.of("rerank.trec"))));
        if (randomSeeds > 0) {
            List<Evaluation> random = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int s = 1; s <= randomSeeds; s++) {
                random.add(Evaluator.evaluate(RandomOrder.shuffle(pool, s, "random"), qrels, metrics));
                labels.add("seed " + s);
            }
            conditions.add(new Condition("random order", random, labels));
        }
        // all pairs: reranked vs the first stage, and reranked vs chance
        List<Comparisons.Row> rows = Comparisons.compare(conditions, metrics, metricOptions.averaging(), randomization, true);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("model", model.toAbsolutePath().toString());
        settings.put("first_stage", firstStage == null ? "BM25 k1=" + k1 + " b=" + b + " (Lucene, flat title + text)" : firstStage.toString());
        settings.put("top_k", topK);
        settings.put("max_length", maxLength);
        settings.put("batch_size", batchSize);
        settings.put("document_text", "title + \" \" + text");
        settings.put("pairs", candidates.size());
        double rate = candidates.size() / Math.max(scoreSeconds, 1e-9);
        settings.put("throughput", distributed != null
                ? String.format(java.util.Locale.ROOT, "tokenize and score %.1f s on the executors: %.1f pairs/s on %s", scoreSeconds, rate,
                        scoredOn)
                : String.format(java.util.Locale.ROOT, "tokenize %.1f s, score %.1f s: %.1f pairs/s scored on %s", tokenizeSeconds,
                        scoreSeconds, rate, scoredOn));
        List<String> notes = new ArrayList<>(EvalSupport.notes("first stage", e1));
        notes.add("Both conditions rank the same pool (the first stage's top " + topK + "); documents below it are not retrieved by either.");
        if (randomSeeds > 0) {
            notes.add("'random order' is the chance baseline: the same pool shuffled uniformly, " + randomSeeds
                    + " seeds (mean ± sd across seeds).");
        }
        if (java.util.Set.of("init-fresh-head", "import-onnx", "fresh-init").contains(origin)) {
            notes.add("The checkpoint's last recorded operation is '" + origin + "': its pooler and classifier are newly initialised"
                    + " (untrained), so expect near-random reranking. A smoke test, not a result.");
        }
        EvalReport report = new EvalReport("Reranking " + firstName + " top-" + topK + " on " + ds.name() + " " + data.split,
                EvalSupport.command(spec), EvalSupport.info(ds, data.split), qrels.source(), metrics, metricOptions.averaging(),
                conditions, rows, randomization, settings, notes);
        final Run firstRun = pool;
        AtomicDirectory.write(target, out.overwrite(), dir -> {
            RunFiles.write(firstRun, dir.resolve("first-stage.trec"));
            RunFiles.write(reranked, dir.resolve("rerank.trec"));
            ReportWriter.write(report, dir);
        });
        EvalSupport.print(spec.commandLine().getOut(), report);
        CompareCommand.printComparisons(spec.commandLine().getOut(), rows, metricOptions.averaging());
        spec.commandLine().getOut().println("wrote " + target.toAbsolutePath());
        return 0;
    }
}
