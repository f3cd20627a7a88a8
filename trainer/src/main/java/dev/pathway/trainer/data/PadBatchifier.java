package dev.pathway.trainer.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;

/**
 * Joins records of [group, seq_i] int64 arrays (ids, types, mask) into one batch [sum of groups,
 * max seq], right-padding with zeros (the [PAD] id, token type 0, mask 0).
 */
public final class PadBatchifier implements Batchifier {
    private static final long serialVersionUID = 1L;

    @Override
    public NDList batchify(NDList[] inputs) {
        long maxLen = 0;
        for (NDList record : inputs) {
            maxLen = Math.max(maxLen, record.get(0).getShape().get(1));
        }
        int fields = inputs[0].size();
        NDList out = new NDList(fields);
        for (int f = 0; f < fields; f++) {
            NDList parts = new NDList(inputs.length);
            for (NDList record : inputs) {
                parts.add(pad(record.get(f), maxLen));
            }
            out.add(NDArrays.concat(parts, 0));
        }
        return out;
    }

    private static NDArray pad(NDArray a, long len) {
        long have = a.getShape().get(1);
        if (have == len) {
            return a;
        }
        NDArray zeros = a.getManager().zeros(new Shape(a.getShape().get(0), len - have), a.getDataType());
        return a.concat(zeros, 1);
    }

    @Override
    public NDList[] unbatchify(NDList inputs) {
        throw new UnsupportedOperationException("training batches are not split back into records");
    }
}
