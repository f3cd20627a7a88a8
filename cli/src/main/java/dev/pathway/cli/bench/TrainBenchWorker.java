package dev.pathway.cli.bench;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.trainer.TrainableSet;
import dev.pathway.trainer.TrainingRun;
import dev.pathway.trainer.TrainingSettings;
import dev.pathway.trainer.data.BucketBatchSampler;
import dev.pathway.trainer.data.PairGroup;
import dev.pathway.trainer.data.PairGroupDataset;
import dev.pathway.trainer.data.RandomNegativeSampler;
import dev.pathway.trainer.data.TrainingSetBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * One configuration of {@code pathway bench train}, in its own JVM (so peak memory is its own):
 * real NFCorpus training pairs at a fixed length, a few steps of the real training loop (DJL
 * Trainer, AdamW, clipping), then one line: {@code RESULT mode length median_ms_per_step
 * pairs_per_step peak_rss_kb}. The first step is a warm-up and not counted.
 */
public final class TrainBenchWorker {
    private TrainBenchWorker() {}

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        String mode = args[1];
        int length = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        int steps = Integer.parseInt(args[4]);
        boolean lazy = Boolean.parseBoolean(args[5]);
        Path dir = Files.createTempDirectory("pathway-bench-train");
        DataSet nf = DataSets.resolve("nfcorpus");
        List<String> ids = new ArrayList<>();
        nf.forEachDocument(d -> ids.add(d.id()));
        List<PairGroup> groups = TrainingSetBuilder.build(new TrainingSetBuilder.Spec(nf, "train", 1, batch * (steps + 1), 0),
                new RandomNegativeSampler(ids), 1);
        TrainingSettings s = new TrainingSettings(1, batch, 2e-5, 0.0, 0.01, length, "bce", 1.0, 1e9, lazy, false);
        try (CrossEncoder m = Checkpoints.load(model, Device.cpu())) {
            // Long documents only, so every batch really is [batch, length].
            BucketBatchSampler sampler = new BucketBatchSampler(batch, 1);
            PairGroupDataset data = TrainingSetBuilder.dataset(groups, m.tokenizer(), length, sampler);
            new TrainingRun(m, data, sampler, TrainableSet.of(List.of(mode)), s, 1, dir, model1 -> 0.0, m.provenance(),
                    Json.MAPPER.createObjectNode(), "bench").run();
        }
        List<Double> ms = new ArrayList<>();
        double pairs = 0;
        for (String line : Files.readAllLines(dir.resolve("log.jsonl"))) {
            JsonNode j = Json.MAPPER.readTree(line);
            if (j.path("step").asInt() > 1) {
                ms.add(j.path("ms").asDouble());
                pairs += j.path("pairs").asDouble();
            }
        }
        // The median step: one step slowed by another process on the machine does not move it.
        int n = ms.size();
        double median = new Median().evaluate(ms.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.println("RESULT " + mode + " " + length + " " + median + " " + (pairs / n) + " " + ScoreBenchWorker.peakRssKb());
    }
}
