package dev.pathway.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scores many pairs: sorts them by length so each batch pads little, runs batches in inference
 * mode with a scoped NDManager each, and returns scores in the input order.
 */
public final class BatchScorer {
    private final CrossEncoder model;
    private final int batchSize;

    public BatchScorer(CrossEncoder model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1");
        }
        this.model = model;
        this.batchSize = batchSize;
    }

    /** The first logit per pair, in input order. */
    public float[] score(List<PairEncoding> pairs, Progress progress) {
        int n = pairs.size();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        // Longest first: the biggest batch runs first, so memory peaks early and predictably.
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> pairs.get(i).length()).reversed());
        float[] out = new float[n];
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            List<PairEncoding> batch = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                batch.add(pairs.get(order[i]));
            }
            try (NDManager m = model.manager().newSubManager()) {
                NDArray logits = model.logits(new EncodedBatch(batch).toNDList(m));
                float[] s = CrossEncoder.firstColumn(logits);
                for (int i = start; i < end; i++) {
                    out[order[i]] = s[i - start];
                }
            }
            progress.step(end - start);
        }
        return out;
    }
}
