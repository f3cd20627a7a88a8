package dev.pathway.trainer.data;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import dev.pathway.core.util.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded, length-bucketed batches of groups: each epoch shuffles the groups (seed, epoch), sorts
 * each window of {@link #WINDOW_BATCHES} batches by length so a batch pads little, and shuffles
 * the batch order. The same seed and epoch give the same batches.
 */
public final class BucketBatchSampler implements Sampler {
    static final int WINDOW_BATCHES = 50;

    private final int groupsPerBatch;
    private final long seed;
    private int epoch;

    public BucketBatchSampler(int groupsPerBatch, long seed) {
        this.groupsPerBatch = groupsPerBatch;
        this.seed = seed;
    }

    /** Selects the epoch whose order the next iteration yields. */
    public void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    @Override
    public Iterator<List<Long>> sample(RandomAccessDataset dataset) {
        PairGroupDataset data = (PairGroupDataset) dataset;
        Random random = new Random(Seeds.derive(seed, "batches:epoch" + epoch));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<List<Long>> batches = new ArrayList<>();
        int window = groupsPerBatch * WINDOW_BATCHES;
        for (int w = 0; w < order.size(); w += window) {
            List<Integer> chunk = new ArrayList<>(order.subList(w, Math.min(order.size(), w + window)));
            chunk.sort(Comparator.comparingInt(data::length));
            for (int b = 0; b < chunk.size(); b += groupsPerBatch) {
                List<Long> batch = new ArrayList<>();
                for (int i = b; i < Math.min(chunk.size(), b + groupsPerBatch); i++) {
                    batch.add((long) chunk.get(i));
                }
                batches.add(batch);
            }
        }
        Collections.shuffle(batches, random);
        return batches.iterator();
    }

    @Override
    public int getBatchSize() {
        return groupsPerBatch;
    }
}
