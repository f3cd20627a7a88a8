package dev.pathway.cli.eval;

import dev.pathway.cli.options.DeviceOption;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.bm25.Bm25Index;
import dev.pathway.eval.bm25.Bm25Params;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.rerank.RerankCandidates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pathway eval bench}: throughput of the evaluation workload — BM25 indexing (docs/s),
 * BM25 search of a split's queries (queries/s), and reranking the BM25 top k (pairs/s, tokenizing
 * and scoring separately). A benchmark, not a test: it prints a table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: BM25 indexing docs/s, BM25 search queries/s, rerank pairs/s on the BM25 top-k of a split (default: NFCorpus test, top 20, max length 256).")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--dataset", defaultValue = "nfcorpus", description = "Data set (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--split", defaultValue = "test", description = "Split whose queries are searched and reranked (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--model", description = "Checkpoint for reranking (default: the embedded MiniLM-L6, imported under data/cache/test-models).")
    Path model;

    @Option(names = "--top-k", defaultValue = "20", description = "BM25 documents reranked per query (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--max-length", defaultValue = "256", description = "Maximum pair length (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--batch-size", defaultValue = "32", description = "Pairs per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed repetitions of indexing and search; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--skip-rerank", description = "Only the BM25 rows.")
    boolean skipRerank;

    @Option(names = "--max-pairs", defaultValue = "0",
            description = "Time only the first N pairs of the rerank workload (in BM25 order; 0: all) for a quick estimate.")
    int maxPairs;

    @Mixin
    DeviceOption device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private record Row(String what, long items, String unit, double seconds) {}

    @Override
    public Integer call() throws IOException {
        if (repeat < 1) {
            throw new UserInputException("--repeat must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        DataSet ds = DataSets.resolve(dataset);
        Map<String, String> queries = ds.queries(split);
        List<Row> rows = new java.util.ArrayList<>();
        Files.createDirectories(ProjectPaths.cache());
        Path scratch = Files.createTempDirectory(ProjectPaths.cache(), ".bench-");
        try {
            double[] index = new double[repeat];
            long docs = 0;
            Bm25Index.build(ds, scratch.resolve("warmup"));
            for (int i = 0; i < repeat; i++) {
                Bm25Index.BuildStats s = Bm25Index.build(ds, scratch.resolve("index-" + i));
                index[i] = s.seconds();
                docs = s.documents();
            }
            rows.add(new Row("BM25 indexing (" + ds.name() + ", title + text)", docs, "docs", median(index)));
            Run bm25;
            try (Bm25Index idx = Bm25Index.open(scratch.resolve("index-0"))) {
                idx.search(queries, Bm25Params.ANSERINI, 1000, "warmup");
                double[] search = new double[repeat];
                for (int i = 0; i < repeat; i++) {
                    long t = System.nanoTime();
                    idx.search(queries, Bm25Params.ANSERINI, 1000, "bm25");
                    search[i] = (System.nanoTime() - t) / 1e9;
                }
                rows.add(new Row("BM25 search (" + split + " queries, 1000 hits)", queries.size(), "queries", median(search)));
                bm25 = idx.search(queries, Bm25Params.ANSERINI, topK, "bm25");
            }
            if (!skipRerank) {
                RerankCandidates c = RerankCandidates.of(bm25, topK, ds.queries(), ds);
                Path dir = model != null ? model
                        : EmbeddedModel.ensureImported(ProjectPaths.cache().resolve("test-models").resolve(EmbeddedModel.NAME));
                try (CrossEncoder m = Checkpoints.load(dir, device.device())) {
                    long t = System.nanoTime();
                    List<PairEncoding> enc = c.encode(m.tokenizer(), maxLength);
                    if (maxPairs > 0 && maxPairs < enc.size()) {
                        enc = enc.subList(0, maxPairs);
                    }
                    double tok = (System.nanoTime() - t) / 1e9;
                    rows.add(new Row("rerank: tokenize pairs (max length " + maxLength + ")", c.size(), "pairs", tok));
                    BatchScorer scorer = new BatchScorer(m, batchSize);
                    scorer.score(enc.subList(0, Math.min(enc.size(), 2 * batchSize)), Progress.NONE); // warm-up
                    t = System.nanoTime();
                    scorer.score(enc, Progress.NONE);
                    double score = (System.nanoTime() - t) / 1e9;
                    double meanLen = enc.stream().mapToInt(PairEncoding::length).average().orElse(0);
                    rows.add(new Row(String.format(Locale.ROOT, "rerank: score pairs (BM25 top-%d, mean %.0f tokens, batch %d, %s)",
                            topK, meanLen, batchSize, m.manager().getDevice()), enc.size(), "pairs", score));
                    rows.add(new Row("rerank: end to end (tokenize + score)", enc.size(), "pairs", tok * enc.size() / c.size() + score));
                }
            }
        } finally {
            AtomicDirectory.deleteTree(scratch);
        }
        out.printf("pathway eval bench: %s %s; %d CPU cores available to the JVM; Java %s%n", ds.label(), split,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf("%-70s %10s %10s %14s%n", "workload", "items", "seconds", "rate");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-70s %,10d %10.3f %,10.1f %s/s%n", r.what(), r.items(), r.seconds(), r.items() / Math.max(r.seconds(), 1e-9), r.unit());
        }
        return 0;
    }

    private static double median(double[] v) {
        return new Median().evaluate(v);
    }
}
