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
 *
 * <p>Each batch runs in passes of as many rows as keep the largest intermediates (attention
 * [rows, heads, seq, seq] and the MLP hidden layer) under {@link #PASS_BUDGET_BYTES}. Why: glibc
 * serves allocations above its mmap threshold (at most 32 MB) with fresh pages, and touching
 * fresh pages for every intermediate made page faults a third of the run time; smaller blocks
 * are recycled from the heap. Results do not depend on the pass size.
 */
public final class BatchScorer {
    /** Upper bound for one intermediate tensor of a pass. */
    static final long PASS_BUDGET_BYTES = 16L << 20;

    private final CrossEncoder model;
    private final int batchSize;

    public BatchScorer(CrossEncoder model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1");
        }
        this.model = model;
        this.batchSize = batchSize;
    }

    /** Rows per forward pass for sequences of {@code seqLen} tokens. */
    int rowsPerPass(int seqLen) {
        return Math.min(batchSize, rowsWithinBudget(model.config(), seqLen));
    }

    /**
     * How many rows of {@code seqLen} tokens keep the largest intermediates (attention and the
     * MLP hidden layer) under {@link #PASS_BUDGET_BYTES}; at least 1. Training uses it too.
     */
    public static int rowsWithinBudget(dev.pathway.core.config.BertConfig c, int seqLen) {
        long attention = 4L * c.numHeads() * seqLen * seqLen;
        long mlp = 4L * seqLen * c.intermediateSize();
        return (int) Math.max(1, PASS_BUDGET_BYTES / Math.max(attention, mlp));
    }

    /** The first logit per pair, in input order. */
    public float[] score(List<PairEncoding> pairs, Progress progress) {
        int[] order = order(pairs);
        float[] out = new float[pairs.size()];
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            List<PairEncoding> batch = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                batch.add(pairs.get(order[i]));
            }
            float[] s = scoreBatch(batch);
            for (int i = start; i < end; i++) {
                out[order[i]] = s[i - start];
            }
            progress.step(end - start);
        }
        return out;
    }

    /**
     * The scoring order: longest first (the biggest batch runs first, so memory peaks early),
     * ties in input order. Cutting this order into runs of {@code batchSize} gives the batches;
     * distributed scoring cuts it the same way, so its batches, and its numbers, are the same.
     */
    public static int[] order(List<PairEncoding> pairs) {
        return order(pairs.stream().mapToInt(PairEncoding::length).toArray());
    }

    /** The same order from the pairs' lengths alone (for pairs tokenized elsewhere, e.g. on Spark executors). */
    public static int[] order(int[] lengths) {
        Integer[] order = IntStream.range(0, lengths.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> lengths[i]).reversed());
        return java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    public int batchSize() {
        return batchSize;
    }

    /** The first logit of each pair of one batch, run in passes (see the class comment). */
    public float[] scoreBatch(List<PairEncoding> batch) {
        float[] out = new float[batch.size()];
        int rows = rowsPerPass(batch.stream().mapToInt(PairEncoding::length).max().orElse(1));
        for (int from = 0; from < batch.size(); from += rows) {
            int to = Math.min(batch.size(), from + rows);
            try (NDManager m = model.manager().newSubManager()) {
                NDArray logits = model.logits(new EncodedBatch(batch.subList(from, to)).toNDList(m));
                System.arraycopy(CrossEncoder.firstColumn(logits), 0, out, from, to - from);
            }
        }
        return out;
    }
}
