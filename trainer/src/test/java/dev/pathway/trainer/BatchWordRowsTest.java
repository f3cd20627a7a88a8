package dev.pathway.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.engine.PathwayEngine;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.trainer.optim.BatchWordRows;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch's own rows of W_E as the model's word table: the same logits as W_E, and a gradient
 * that is exactly the used rows of the dense word-embedding gradient.
 */
class BatchWordRowsTest {
    @TempDir
    Path tmp;

    @Test
    void theBatchsRowsGiveTheSameLogitsAndTheUsedRowsOfTheDenseGradient() throws Exception {
        try (CrossEncoder model = Checkpoints.load(TestModels.withoutDropout(tmp), Device.cpu());
                NDManager nd = model.manager().newSubManager()) {
            // Ids from a range of 40, so rows repeat across pairs.
            NDList in = RandomBatches.of(nd, 6, 20, 3, 2000, 40);
            NDArray word = model.block().wordEmbeddings().getArray();
            BatchWordRows rows = BatchWordRows.of(word, in.head());
            long[] used = Arrays.stream(in.head().toLongArray()).distinct().sorted().toArray();
            assertArrayEquals(used, rows.rows());

            float[] plain = model.block().forward(in, Hooks.none(), null, false).toFloatArray();
            float[] viaRows = model.block().forward(rows.inputs(in), Hooks.none(), null, false).toFloatArray();
            assertArrayEquals(plain, viaRows, 0f, "the same numbers are looked up");

            word.setRequiresGradient(true);
            try (GradientCollector gc = PathwayEngine.get().newGradientCollector()) {
                gc.backward(model.block().forward(in, Hooks.none(), null, true).sum());
            }
            float[] dense = word.getGradient().toFloatArray();
            word.setRequiresGradient(false);
            try (GradientCollector gc = PathwayEngine.get().newGradientCollector()) {
                gc.backward(model.block().forward(rows.inputs(in), Hooks.none(), null, true).sum());
            }
            NDArray g = rows.gradient();
            assertEquals(new Shape(used.length, model.config().hiddenSize()), g.getShape());
            float[] sparse = g.toFloatArray();
            int d = model.config().hiddenSize();
            double maxAbs = 0;
            for (int i = 0; i < used.length; i++) {
                for (int j = 0; j < d; j++) {
                    float want = dense[(int) used[i] * d + j];
                    maxAbs = Math.max(maxAbs, Math.abs(want));
                    assertEquals(want, sparse[i * d + j], 1e-6f + 1e-5f * Math.abs(want), "row " + used[i] + " dim " + j);
                }
            }
            assertTrue(maxAbs > 0, "the used rows have a gradient");
            double elsewhere = 0;
            for (int r = 0; r < dense.length / d; r++) {
                if (Arrays.binarySearch(used, r) < 0) {
                    for (int j = 0; j < d; j++) {
                        elsewhere += Math.abs(dense[r * d + j]);
                    }
                }
            }
            assertEquals(0.0, elsewhere, "rows the batch does not use get no gradient");
        }
    }
}
