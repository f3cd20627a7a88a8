package dev.pathway.core.tokenize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A batch of encoded pairs, right-padded with [PAD] (id 0, type 0, mask 0) to the longest pair.
 * Layout: every array is [batch, seq] in row-major order.
 */
public final class EncodedBatch {
    private final List<PairEncoding> pairs;
    private final int seqLen;

    public EncodedBatch(List<PairEncoding> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("an encoded batch needs at least one pair");
        }
        this.pairs = List.copyOf(pairs);
        this.seqLen = pairs.stream().mapToInt(PairEncoding::length).max().orElseThrow();
    }

    public List<PairEncoding> pairs() {
        return pairs;
    }

    public int size() {
        return pairs.size();
    }

    public int seqLen() {
        return seqLen;
    }

    public PairEncoding pair(int row) {
        return pairs.get(row);
    }

    /** Token ids [batch, seq], int64. */
    public long[] ids() {
        return flatten(true);
    }

    /** Token type ids [batch, seq], int64. */
    public long[] typeIds() {
        return flatten(false);
    }

    /** Attention mask [batch, seq]: 1 for real tokens, 0 for padding. */
    public long[] mask() {
        long[] out = new long[pairs.size() * seqLen];
        for (int b = 0; b < pairs.size(); b++) {
            java.util.Arrays.fill(out, b * seqLen, b * seqLen + pairs.get(b).length(), 1L);
        }
        return out;
    }

    /**
     * The model inputs as an {@link NDList} of (ids, type ids, mask), each [batch, seq] int64, on
     * the manager's device. The arrays own their memory (see {@link Tensors#owned}).
     */
    public NDList toNDList(NDManager manager) {
        Shape shape = new Shape(pairs.size(), seqLen);
        NDArray ids = Tensors.ownedLongs(manager, ids(), shape);
        NDArray types = Tensors.ownedLongs(manager, typeIds(), shape);
        NDArray mask = Tensors.ownedLongs(manager, mask(), shape);
        return new NDList(ids, types, mask);
    }

    private long[] flatten(boolean ids) {
        long[] out = new long[pairs.size() * seqLen];
        for (int b = 0; b < pairs.size(); b++) {
            long[] src = ids ? pairs.get(b).ids() : pairs.get(b).typeIds();
            System.arraycopy(src, 0, out, b * seqLen, src.length);
        }
        return out;
    }

    /** Whether the ids are of type int64 as the model expects. */
    public static boolean isIndexType(NDArray a) {
        return a.getDataType() == DataType.INT64;
    }
}
