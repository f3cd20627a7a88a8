package dev.pathway.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import dev.pathway.core.model.CrossEncoderBlock;
import java.util.Arrays;

/**
 * The rows of W_E one training batch uses, as a small trainable table: the ids are rewritten to
 * index it and the table rides along as the model's {@link CrossEncoderBlock#WORD_ROWS} input.
 * The forward computes exactly what it would with W_E, but the backward writes a [rows, d_model]
 * gradient instead of a dense [vocab, d_model] one (47 MB for MiniLM), which would otherwise be
 * zeroed, accumulated, normed and clipped every step although all but a few hundred rows are zero.
 */
public final class BatchWordRows {
    private final long[] rows;
    private final NDArray table;
    private final NDArray localIds;

    private BatchWordRows(long[] rows, NDArray table, NDArray localIds) {
        this.rows = rows;
        this.table = table;
        this.localIds = localIds;
    }

    /**
     * Gathers the rows of {@code wordEmbeddings} that {@code ids} use. The table and the rewritten
     * ids belong to the ids' manager (the batch's), so they die with the batch.
     */
    public static BatchWordRows of(NDArray wordEmbeddings, NDArray ids) {
        long[] flat = ids.toLongArray();
        long[] rows = Arrays.stream(flat).distinct().sorted().toArray();
        long[] local = new long[flat.length];
        for (int i = 0; i < flat.length; i++) {
            local[i] = Arrays.binarySearch(rows, flat[i]);
        }
        NDArray rowIndex = ids.getManager().create(rows);
        NDArray table = wordEmbeddings.get(new NDIndex("{}", rowIndex));
        table.attach(ids.getManager());
        table.setRequiresGradient(true);
        NDArray localIds = ids.getManager().create(local, ids.getShape());
        return new BatchWordRows(rows, table, localIds);
    }

    /** The model inputs with the ids rewritten to this table and the table appended. */
    public NDList inputs(NDList pairInputs) {
        NDList out = new NDList(CrossEncoderBlock.WORD_ROWS + 1);
        out.add(localIds);
        for (int i = 1; i < CrossEncoderBlock.PAIR_INPUTS; i++) {
            out.add(pairInputs.get(i));
        }
        out.add(table);
        return out;
    }

    /** The token ids this batch uses, ascending: row i of the table is row rows()[i] of W_E. */
    public long[] rows() {
        return rows.clone();
    }

    /** The gradient of the table after the backward: [rows, d_model] (close it after use). */
    public NDArray gradient() {
        return table.getGradient();
    }
}
