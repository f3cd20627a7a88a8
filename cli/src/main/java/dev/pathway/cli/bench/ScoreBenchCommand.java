package dev.pathway.cli.bench;

import ai.djl.Device;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.data.Document;
import dev.pathway.eval.data.Qrels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pathway bench score}: inference throughput of pathway against ONNX Runtime on the same
 * MiniLM-L6 and the same real NFCorpus pairs (test queries with their judged documents), length
 * bucketed, in batches; each engine runs in its own JVM so its peak memory is its own.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Scoring throughput and peak memory: pathway (DJL/PyTorch) vs ONNX Runtime on real NFCorpus pairs.")
public final class ScoreBenchCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Checkpoint of the embedded MiniLM-L6 (default: checkpoints/all-minilm-l6-v2, imported if missing).")
    Path model;

    @Option(names = "--pairs", defaultValue = "1000", description = "Number of pairs (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--max-length", defaultValue = "256", description = "Maximum pair length (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--batch-size", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--engines", split = ",", defaultValue = "pathway,ort", description = "Engines to run (default: ${DEFAULT-VALUE}).")
    List<String> engines;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One engine's measurement. */
    record Result(String engine, double seconds, int pairs, long peakRssKb) {
        double pairsPerSecond() {
            return pairs / seconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (pairs < batchSize || batchSize < 1) {
            throw new UserInputException("--pairs must be at least --batch-size, and --batch-size at least 1");
        }
        Path dir = model != null ? model : EmbeddedModel.ensureImported(ProjectPaths.checkpoints().resolve(EmbeddedModel.NAME));
        Path encoded = Files.createTempFile("pathway-bench-pairs", ".bin");
        try {
            List<PairEncoding> enc = realPairs(dir);
            ScoreBenchWorker.writePairs(encoded, enc);
            List<Result> results = new ArrayList<>();
            for (String engine : engines) {
                results.add(runWorker(engine, dir, encoded));
            }
            print(spec.commandLine().getOut(), enc, results);
        } finally {
            Files.deleteIfExists(encoded);
        }
        return 0;
    }

    /** NFCorpus test queries with their judged documents, in (query id, doc id) order, sorted by length. */
    private List<PairEncoding> realPairs(Path dir) {
        DataSet nf = DataSets.resolve("nfcorpus");
        Qrels qrels = nf.qrels("test");
        Map<String, String> queries = nf.queries();
        TreeMap<String, List<String>> judged = new TreeMap<>();
        for (String q : qrels.queryIds()) {
            judged.put(q, new ArrayList<>(new java.util.TreeSet<>(qrels.judgments(q).keySet())));
        }
        List<String[]> ids = new ArrayList<>();
        for (var e : judged.entrySet()) {
            for (String d : e.getValue()) {
                if (ids.size() < pairs) {
                    ids.add(new String[] {e.getKey(), d});
                }
            }
        }
        Map<String, Document> docs = nf.documents(ids.stream().map(p -> p[1]).toList());
        try (CrossEncoder m = Checkpoints.load(dir, Device.cpu())) {
            List<PairEncoding> enc = m.tokenizer().encodePairs(
                    ids.stream().map(p -> queries.get(p[0])).toList(),
                    ids.stream().map(p -> docs.get(p[1]).fullText()).toList(), maxLength);
            List<PairEncoding> sorted = new ArrayList<>(enc);
            sorted.sort(Comparator.comparingInt(PairEncoding::length).reversed());
            return sorted;
        }
    }

    private Result runWorker(String engine, Path dir, Path encoded) throws IOException, InterruptedException {
        String[] f = WorkerProcess.run(ScoreBenchWorker.class, List.of(engine, dir.toString(), encoded.toString(), Integer.toString(batchSize)));
        return new Result(f[0], Double.parseDouble(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]));
    }

    private void print(PrintWriter out, List<PairEncoding> enc, List<Result> results) {
        double meanLen = enc.stream().mapToInt(PairEncoding::length).average().orElse(0);
        out.printf("pairs %d (NFCorpus test queries x judged docs), max length %d (mean %.1f tokens), batch %d, %d threads%n",
                enc.size(), maxLength, meanLen, batchSize, Runtime.getRuntime().availableProcessors());
        out.printf("%-10s %12s %10s %14s%n", "engine", "pairs/s", "seconds", "peak RSS MB");
        for (Result r : results) {
            out.printf("%-10s %12.1f %10.2f %14.0f%n", r.engine(), r.pairsPerSecond(), r.seconds(), r.peakRssKb() / 1024.0);
        }
        Result pw = results.stream().filter(r -> r.engine().equals("pathway")).findFirst().orElse(null);
        Result ort = results.stream().filter(r -> r.engine().equals("ort")).findFirst().orElse(null);
        if (pw != null && ort != null) {
            out.printf("ratio pathway/ORT: throughput %.2f, peak memory %.2f%n",
                    pw.pairsPerSecond() / ort.pairsPerSecond(), (double) pw.peakRssKb() / ort.peakRssKb());
        }
        out.flush();
    }
}
