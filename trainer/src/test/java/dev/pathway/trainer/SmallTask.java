package dev.pathway.trainer;

import ai.djl.ndarray.NDManager;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.Json;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.trainer.data.BucketBatchSampler;
import dev.pathway.trainer.data.PairGroup;
import dev.pathway.trainer.data.PairGroupDataset;
import dev.pathway.trainer.data.RandomNegativeSampler;
import dev.pathway.trainer.data.TrainingSetBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small real training task on Cranfield: a few dozen positives with random negatives. */
final class SmallTask {
    static final int MAX_LENGTH = 48;

    private SmallTask() {}

    static List<String> corpusIds(DataSet ds) {
        List<String> ids = new ArrayList<>();
        ds.forEachDocument(d -> ids.add(d.id()));
        return ids;
    }

    static List<PairGroup> groups(String split, int positives, int negatives, long seed) {
        DataSet ds = DataSets.resolve("cranfield");
        return TrainingSetBuilder.build(new TrainingSetBuilder.Spec(ds, split, 1, positives, negatives),
                new RandomNegativeSampler(corpusIds(ds)), seed);
    }

    static TrainingRun run(CrossEncoder model, TrainableSet set, TrainingSettings s, long seed, Path dir, DevEvaluator dev) {
        List<PairGroup> groups = groups("train", 16, 1, seed);
        BucketBatchSampler sampler = new BucketBatchSampler(Math.max(1, s.batchSize() / 2), seed);
        PairGroupDataset data = TrainingSetBuilder.dataset(groups, model.tokenizer(), s.maxLength(), sampler);
        return new TrainingRun(model, data, sampler, set, s, seed, dir, dev, model.provenance(),
                Json.MAPPER.createObjectNode().put("test", true), "test");
    }

    static TrainingSettings settings(int epochs, double lr) {
        return settings(epochs, lr, false);
    }

    /** @param lazyRows update only the word-embedding rows each batch uses */
    static TrainingSettings settings(int epochs, double lr, boolean lazyRows) {
        return new TrainingSettings(epochs, 8, lr, 0.1, 0.01, MAX_LENGTH, "bce", 1.0, 1e4, lazyRows, false);
    }

    /** Every token id in the training pairs {@link #run} trains on with this seed. */
    static java.util.Set<Long> trainingTokenIds(CrossEncoder model, long seed) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (PairGroup g : groups("train", 16, 1, seed)) {
            for (String doc : g.docs()) {
                for (long id : model.tokenizer().encodePair(g.query(), doc, MAX_LENGTH).ids()) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** Mean margin (positive minus negative logit) on fixed Cranfield dev groups: higher is better. */
    static DevEvaluator margin() {
        List<PairGroup> dev = groups("dev", 8, 1, 99);
        return model -> {
            List<PairEncoding> pairs = new ArrayList<>();
            for (PairGroup g : dev) {
                for (int i = 0; i < g.size(); i++) {
                    pairs.add(model.tokenizer().encodePair(g.query(), g.docs().get(i), MAX_LENGTH));
                }
            }
            try (NDManager m = model.manager().newSubManager()) {
                float[] s = model.logits(new EncodedBatch(pairs).toNDList(m)).toFloatArray();
                double sum = 0;
                for (int i = 0; i < s.length; i += 2) {
                    sum += s[i] - s[i + 1];
                }
                return sum / (s.length / 2.0);
            }
        };
    }
}
