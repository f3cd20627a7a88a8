package dev.pathway.cli.bench;

import ai.djl.Device;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One engine's side of {@code pathway bench score}, run in its own JVM so that its peak resident
 * memory (VmHWM) is its own. Reads pre-tokenized, length-sorted pairs, scores them in batches
 * (one warm-up batch first), and prints one line: {@code engine seconds pairs peak_rss_kb}.
 */
public final class ScoreBenchWorker {
    private ScoreBenchWorker() {}

    public static void main(String[] args) throws Exception {
        String engine = args[0];
        Path model = Path.of(args[1]);
        List<PairEncoding> pairs = readPairs(Path.of(args[2]));
        int batch = Integer.parseInt(args[3]);
        List<List<PairEncoding>> batches = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += batch) {
            batches.add(pairs.subList(i, Math.min(pairs.size(), i + batch)));
        }
        double seconds = engine.equals("ort") ? runOrt(batches) : runPathway(model, batches, batch);
        System.out.println("RESULT " + engine + " " + seconds + " " + pairs.size() + " " + peakRssKb());
    }

    /** pathway's scoring path as every command uses it: {@link BatchScorer}'s per-batch passes. */
    private static double runPathway(Path dir, List<List<PairEncoding>> batches, int batchSize) {
        try (CrossEncoder m = Checkpoints.load(dir, Device.cpu())) {
            BatchScorer scorer = new BatchScorer(m, batchSize);
            scorer.scoreBatch(batches.get(0));
            long start = System.nanoTime();
            for (List<PairEncoding> b : batches) {
                scorer.scoreBatch(b);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** The encoder alone in ONNX Runtime (the ONNX file has no head; ours adds a 384x384 and a 384x1 matmul). */
    private static double runOrt(List<List<PairEncoding>> pairBatches) throws Exception {
        List<EncodedBatch> batches = new ArrayList<>();
        pairBatches.forEach(b -> batches.add(new EncodedBatch(b)));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(EmbeddedModel.onnxBytes(), new OrtSession.SessionOptions())) {
            ort(env, s, batches.get(0));
            long start = System.nanoTime();
            for (EncodedBatch b : batches) {
                ort(env, s, b);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void ort(OrtEnvironment env, OrtSession s, EncodedBatch b) throws Exception {
        long[] shape = {b.size(), b.seqLen()};
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(b.ids()), shape);
                OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(b.mask()), shape);
                OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(b.typeIds()), shape);
                OrtSession.Result r = s.run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
            r.get(0).getValue();
        }
    }

    static List<PairEncoding> readPairs(Path file) throws IOException {
        List<PairEncoding> out = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                int len = in.readInt();
                int firstSep = in.readInt();
                long[] ids = new long[len];
                long[] types = new long[len];
                for (int j = 0; j < len; j++) {
                    ids[j] = in.readLong();
                    types[j] = j > firstSep ? 1 : 0;
                }
                out.add(new PairEncoding(ids, types, firstSep, 0));
            }
        }
        return out;
    }

    static void writePairs(Path file, List<PairEncoding> pairs) throws IOException {
        try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(pairs.size());
            for (PairEncoding p : pairs) {
                out.writeInt(p.length());
                out.writeInt(p.firstSep());
                for (long id : p.ids()) {
                    out.writeLong(id);
                }
            }
        }
    }

    /** Peak resident set size of this process in kB (Linux), or -1. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }
}
