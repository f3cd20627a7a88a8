package dev.pathway.trainer;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/** Seeded model inputs (ids, token types, mask) of random length, for tests of the training step. */
final class RandomBatches {
    private RandomBatches() {}

    /**
     * {@code rows} pairs padded to {@code len}: [CLS], then ids drawn from [firstId, firstId +
     * idCount) (a small range repeats ids across pairs), token type 1 after the sixth position.
     */
    static NDList of(NDManager nd, int rows, int len, long seed, int firstId, int idCount) {
        Random r = new Random(seed);
        long[] ids = new long[rows * len];
        long[] types = new long[rows * len];
        long[] mask = new long[rows * len];
        for (int i = 0; i < rows; i++) {
            int real = len / 2 + r.nextInt(len - len / 2);
            for (int j = 0; j < real; j++) {
                ids[i * len + j] = j == 0 ? 101 : firstId + r.nextInt(idCount);
                types[i * len + j] = j > 5 ? 1 : 0;
                mask[i * len + j] = 1;
            }
        }
        Shape shape = new Shape(rows, len);
        return new NDList(nd.create(ids, shape), nd.create(types, shape), nd.create(mask, shape));
    }
}
