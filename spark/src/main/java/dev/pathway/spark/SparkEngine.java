package dev.pathway.spark;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.patch.PairEffect;
import dev.pathway.circuits.patch.PairSweep;
import dev.pathway.cli.engine.DistributedEngine;
import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.trainer.run.RunExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * pathway on Apache Spark. Scoring ships length-sorted batches (cut exactly as {@link BatchScorer}
 * cuts them locally) to executors, each of which loads the checkpoint once per JVM; patching
 * sweeps ship pairs, and executors return per-pair effects that the driver aggregates as local
 * mode does; recipe runs are one task each (see {@link SparkRunExecutor}).
 */
public final class SparkEngine implements DistributedEngine {
    private static final Logger LOG = LogManager.getLogger(SparkEngine.class);
    private final JavaSparkContext jsc;
    private final String master;
    private final int threadsPerTask;
    private final java.util.Set<Path> checkedCheckpoints = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SparkEngine(String master, int threadsPerTask) {
        MasterCheck.requireReachable(master);
        this.master = master;
        this.threadsPerTask = threadsPerTask;
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName("pathway")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.task.cpus", MasterCheck.isLocal(master) ? "1" : Integer.toString(threadsPerTask));
        this.jsc = new JavaSparkContext(conf);
    }

    JavaSparkContext context() {
        return jsc;
    }

    String master() {
        return master;
    }

    int threadsPerTask() {
        return threadsPerTask;
    }

    /** The local-disk warning for a checkpoint, once per checkpoint (a patching run scores many targets). */
    private void warnOnceIfLocalDisk(Path checkpoint) {
        if (checkedCheckpoints.add(checkpoint.toAbsolutePath())) {
            MasterCheck.warnIfLocalDisk(master, checkpoint, "checkpoint");
        }
    }

    @Override
    public float[] score(Path checkpoint, List<PairEncoding> pairs, int batchSize) {
        warnOnceIfLocalDisk(checkpoint);
        int[] order = BatchScorer.order(pairs);
        List<ScoreBatch> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            batches.add(ScoreBatch.of(pairs, order, from, Math.min(order.length, from + batchSize)));
        }
        int size = batchSize;
        List<ScoreBatch.Scored> scored = mapWithModel("scoring", checkpoint, batches,
                (model, b) -> new ScoreBatch.Scored(b.positions(), new BatchScorer(model, size).scoreBatch(b.pairs())));
        float[] out = new float[pairs.size()];
        for (ScoreBatch.Scored s : scored) {
            for (int i = 0; i < s.positions().length; i++) {
                out[s.positions()[i]] = s.scores()[i];
            }
        }
        return out;
    }

    @Override
    public float[] scoreTexts(Path checkpoint, List<String> queries, List<String> documents, int maxLength, int batchSize) {
        if (queries.size() != documents.size()) {
            throw new IllegalArgumentException("queries and documents differ in number");
        }
        warnOnceIfLocalDisk(checkpoint);
        int n = queries.size();
        // Pass 1: executors tokenize slices of the pairs and return only their lengths.
        int chunk = Math.max(1, Math.min(1024, (n + jsc.defaultParallelism() * 4 - 1) / (jsc.defaultParallelism() * 4)));
        List<TextBatch> chunks = new ArrayList<>();
        for (int from = 0; from < n; from += chunk) {
            chunks.add(TextBatch.of(queries, documents, java.util.stream.IntStream.range(from, Math.min(n, from + chunk)).toArray()));
        }
        int[] lengths = new int[n];
        for (TextBatch.Lengths l : mapWithModel("tokenizing", checkpoint, chunks, (model, b) -> new TextBatch.Lengths(b.positions(),
                b.encode(model.tokenizer(), maxLength).stream().mapToInt(PairEncoding::length).toArray()))) {
            for (int i = 0; i < l.positions().length; i++) {
                lengths[l.positions()[i]] = l.lengths()[i];
            }
        }
        // Pass 2: the local batches (the same order, cut the same way), tokenized again where they are scored.
        int[] order = BatchScorer.order(lengths);
        List<TextBatch> batches = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            batches.add(TextBatch.of(queries, documents, java.util.Arrays.copyOfRange(order, from, Math.min(n, from + batchSize))));
        }
        int size = batchSize;
        List<ScoreBatch.Scored> scored = mapWithModel("scoring", checkpoint, batches, (model, b) -> new ScoreBatch.Scored(b.positions(),
                new BatchScorer(model, size).scoreBatch(b.encode(model.tokenizer(), maxLength))));
        float[] out = new float[n];
        for (ScoreBatch.Scored s : scored) {
            for (int i = 0; i < s.positions().length; i++) {
                out[s.positions()[i]] = s.scores()[i];
            }
        }
        return out;
    }

    @Override
    public List<PairEffect> sweep(Path checkpoint, List<AlignedPair> pairs, PairSweep sweep) {
        warnOnceIfLocalDisk(checkpoint);
        LOG.info("{}: {} pairs on {}", sweep.task(), pairs.size(), master);
        return mapWithModel("patching", checkpoint, pairs, sweep::run);
    }

    /**
     * Runs {@code fn} on every item with the executor's model (loaded once per executor JVM), in
     * up to four tasks per task slot; results in item order. A failed task is retried by Spark;
     * only the results of finished tasks are collected.
     */
    private <T, R> List<R> mapWithModel(String workload, Path checkpoint, List<T> items, ModelFunction<T, R> fn) {
        if (items.isEmpty()) {
            return List.of();
        }
        String path = checkpoint.toAbsolutePath().toString();
        int slices = Math.max(1, Math.min(items.size(), jsc.defaultParallelism() * 4));
        try {
            return jsc.parallelize(items, slices).mapPartitions(partition(workload, path, threadsPerTask, fn)).collect();
        } catch (Exception e) {
            throw SparkErrors.unwrap(e, workload + " with " + path);
        }
    }

    /** Static, so the closure captures plain values and never the engine. */
    private static <T, R> FlatMapFunction<Iterator<T>, R> partition(String workload, String path, int threads, ModelFunction<T, R> fn) {
        return items -> {
            List<R> out = new ArrayList<>();
            CrossEncoder model = null;
            while (items.hasNext()) {
                T item = items.next();
                if (model == null) {
                    model = ExecutorModels.get(path, threads);
                }
                out.add(fn.apply(model, item));
                TaskFaults.afterItem(workload);
            }
            return out.iterator();
        };
    }

    @Override
    public RunExecutor runExecutor() {
        return new SparkRunExecutor(this);
    }

    @Override
    public String describe() {
        return "Spark " + jsc.version() + " master " + master + ", default parallelism " + jsc.defaultParallelism()
                + ", " + threadsPerTask + " thread(s) per task";
    }

    @Override
    public void close() {
        jsc.close();
    }
}
