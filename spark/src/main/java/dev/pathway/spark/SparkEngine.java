package dev.pathway.spark;

import dev.pathway.cli.engine.DistributedEngine;
import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.trainer.run.RunExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * pathway on Apache Spark. Scoring ships length-sorted batches (cut exactly as {@link BatchScorer}
 * cuts them locally) to executors, each of which loads the checkpoint once per JVM; recipe runs
 * are one task each (see {@link SparkRunExecutor}).
 */
public final class SparkEngine implements DistributedEngine {
    private final JavaSparkContext jsc;
    private final String master;
    private final int threadsPerTask;

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

    @Override
    public float[] score(Path checkpoint, List<PairEncoding> pairs, int batchSize) {
        MasterCheck.warnIfLocalDisk(master, checkpoint, "checkpoint");
        int[] order = BatchScorer.order(pairs);
        List<ScoreBatch> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            batches.add(ScoreBatch.of(pairs, order, from, Math.min(order.length, from + batchSize)));
        }
        String path = checkpoint.toAbsolutePath().toString();
        int threads = threadsPerTask;
        int slices = Math.max(1, Math.min(batches.size(), jsc.defaultParallelism() * 4));
        List<ScoreBatch.Scored> scored;
        try {
            scored = jsc.parallelize(batches, slices).map(b -> {
                CrossEncoder model = ExecutorModels.get(path, threads);
                return new ScoreBatch.Scored(b.positions(), new BatchScorer(model, batchSize).scoreBatch(b.pairs()));
            }).collect();
        } catch (Exception e) {
            throw SparkErrors.unwrap(e, "scoring with " + path);
        }
        float[] out = new float[pairs.size()];
        for (ScoreBatch.Scored s : scored) {
            for (int i = 0; i < s.positions().length; i++) {
                out[s.positions()[i]] = s.scores()[i];
            }
        }
        return out;
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
