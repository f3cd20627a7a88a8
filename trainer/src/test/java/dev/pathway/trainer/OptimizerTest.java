package dev.pathway.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.pathway.core.engine.PathwayEngine;
import dev.pathway.core.model.CrossEncoderBlock;
import dev.pathway.trainer.optim.AdamW;
import dev.pathway.trainer.optim.BatchWordRows;
import dev.pathway.trainer.optim.GradientNorm;
import dev.pathway.trainer.optim.LinearWarmupDecay;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    @Test
    void scheduleRisesThenFallsAsHuggingFaces() {
        LinearWarmupDecay s = new LinearWarmupDecay(1.0f, 10, 100);
        // HF: step s (0-based) -> s/10 for s < 10, else (100 - s)/90.
        assertEquals(0.0, s.getNewValue(1), 1e-7);
        assertEquals(0.5, s.getNewValue(6), 1e-7);
        assertEquals(1.0, s.getNewValue(11), 1e-7);
        assertEquals(50.0 / 90, s.getNewValue(51), 1e-6);
        assertEquals(1.0 / 90, s.getNewValue(100), 1e-6);
        assertEquals(0.0, new LinearWarmupDecay(1.0f, 0, 5).getNewValue(6), 0);
    }

    /** Two AdamW steps on w with gradient 2w, against torch.optim.AdamW's formulas by hand. */
    @Test
    void adamWMatchesAHandComputation() {
        try (NDManager m = PathwayEngine.newManager(Device.cpu())) {
            double[] w = {1.0, -2.0, 0.5};
            NDArray weight = m.create(new float[] {1.0f, -2.0f, 0.5f});
            weight.setRequiresGradient(true);
            AdamW opt = new AdamW(new LinearWarmupDecay(0.1f, 0, 1000), 0.01f, m);
            double[] mom = new double[3];
            double[] var = new double[3];
            for (int t = 1; t <= 2; t++) {
                try (GradientCollector gc = PathwayEngine.get().newGradientCollector()) {
                    gc.backward(weight.square().sum());
                }
                opt.update("w", weight, weight.getGradient());
                double lr = 0.1 * (1000 - (t - 1)) / 1000.0;
                for (int i = 0; i < 3; i++) {
                    double g = 2 * w[i];
                    w[i] *= 1 - lr * 0.01;
                    mom[i] = 0.9 * mom[i] + 0.1 * g;
                    var[i] = 0.999 * var[i] + 0.001 * g * g;
                    double mh = mom[i] / (1 - Math.pow(0.9, t));
                    double vh = var[i] / (1 - Math.pow(0.999, t));
                    w[i] -= lr * mh / (Math.sqrt(vh) + 1e-8);
                }
            }
            float[] got = weight.toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertEquals(w[i], got[i], 1e-5, "w[" + i + "]");
            }
            assertEquals(0f, weight.getGradient().abs().sum().getFloat(), "gradient zeroed after the update");
        }
    }

    /**
     * Lazy rows: an update of the touched rows from their gradient alone ([rows, d], as training
     * computes it) moves them exactly as a dense update from the dense gradient; the other rows
     * and their moments do not move.
     */
    @Test
    void rowUpdatesFromRowGradientsMatchDenseUpdatesOnTouchedRows() {
        try (NDManager m = PathwayEngine.newManager(Device.cpu())) {
            float[] init = new float[5 * 3];
            for (int i = 0; i < init.length; i++) {
                init[i] = (i % 7) - 3f;
            }
            NDArray dense = m.create(init).reshape(5, 3);
            NDArray lazy = m.create(init).reshape(5, 3);
            NDArray ids = m.create(new long[] {3, 1, 3});
            AdamW denseOpt = new AdamW(new LinearWarmupDecay(0.1f, 0, 10), 0f, m);
            AdamW lazyOpt = new AdamW(new LinearWarmupDecay(0.1f, 0, 10), 0f, m);
            for (int step = 0; step < 2; step++) {
                dense.setRequiresGradient(true);
                try (GradientCollector gc = PathwayEngine.get().newGradientCollector()) {
                    gc.backward(embed(ids, dense).square().sum());
                }
                denseOpt.update("e", dense, dense.getGradient());
                BatchWordRows rows = BatchWordRows.of(lazy, ids);
                try (GradientCollector gc = PathwayEngine.get().newGradientCollector()) {
                    NDList in = rows.inputs(new NDList(ids, ids, ids));
                    gc.backward(embed(in.get(0), in.get(CrossEncoderBlock.WORD_ROWS)).square().sum());
                }
                assertArrayEquals(new long[] {1, 3}, rows.rows());
                NDArray g = rows.gradient();
                assertArrayEquals(new long[] {2, 3}, g.getShape().getShape(), "a gradient for the two used rows only");
                lazyOpt.updateRows("e", lazy, rows.rows(), g);
                g.close();
                assertArrayEquals(dense.toFloatArray(), lazy.toFloatArray(), 1e-6f, "step " + step);
            }
            float[] after = lazy.toFloatArray();
            for (int row : new int[] {0, 2, 4}) {
                assertArrayEquals(java.util.Arrays.copyOfRange(init, 3 * row, 3 * row + 3),
                        java.util.Arrays.copyOfRange(after, 3 * row, 3 * row + 3), 0f, "untouched row " + row);
            }
            assertEquals(0f, lazyOpt.moments().get("e")[0].get(0).abs().sum().getFloat(), "no moments for untouched rows");
        }
    }

    private static NDArray embed(NDArray ids, NDArray table) {
        return ai.djl.nn.core.Embedding.embedding(ids, table, ai.djl.ndarray.types.SparseFormat.DENSE).head();
    }

    @Test
    void globalNormAndClipping() {
        try (NDManager m = PathwayEngine.newManager(Device.cpu())) {
            var p1 = ai.djl.nn.Parameter.builder().setName("a").setType(ai.djl.nn.Parameter.Type.WEIGHT).build();
            var p2 = ai.djl.nn.Parameter.builder().setName("b").setType(ai.djl.nn.Parameter.Type.WEIGHT).build();
            p1.setArray(m.create(new float[] {3f}));
            p2.setArray(m.create(new float[] {4f}));
            p1.getArray().setRequiresGradient(true);
            p2.getArray().setRequiresGradient(true);
            try (GradientCollector gc = PathwayEngine.get().newGradientCollector()) {
                gc.backward(p1.getArray().mul(3).add(p2.getArray().mul(4)).sum());
            }
            var grads = java.util.List.of(p1.getArray().getGradient(), p2.getArray().getGradient());
            double norm = GradientNorm.of(grads);
            assertEquals(5.0, norm, 1e-6);
            GradientNorm.clip(grads, norm, 1.0);
            assertEquals(1.0, GradientNorm.of(grads), 1e-5);
            assertEquals(0.6, p1.getArray().getGradient().getFloat(0), 1e-5, "clipping scales the parameter's own gradient");
        }
    }

    /**
     * The norm, clipping and AdamW run every step on model-sized arrays: whatever they create must
     * be closed, not left in the parameters' manager (a leak of one model per step, found by
     * watching a bootstrap run's memory grow by ~100 MB a step).
     */
    @Test
    void perStepGradientWorkLeavesNoArraysInTheModelsManager() {
        try (NDManager m = PathwayEngine.newManager(Device.cpu()); NDManager state = PathwayEngine.newManager(Device.cpu())) {
            var p = ai.djl.nn.Parameter.builder().setName("w").setType(ai.djl.nn.Parameter.Type.WEIGHT).build();
            p.setArray(m.randomNormal(new ai.djl.ndarray.types.Shape(64, 8)));
            p.getArray().setRequiresGradient(true);
            AdamW opt = new AdamW(new LinearWarmupDecay(0.1f, 0, 1000), 0.01f, state);
            int before = -1;
            for (int step = 0; step < 4; step++) {
                try (NDManager batch = m.newSubManager(); GradientCollector gc = PathwayEngine.get().newGradientCollector()) {
                    // The loss starts from an array of the batch so its own arrays land there.
                    gc.backward(batch.ones(p.getArray().getShape()).mul(p.getArray()).mul(p.getArray()).sum());
                }
                NDArray g = p.getArray().getGradient();
                double norm = GradientNorm.of(java.util.List.of(g));
                GradientNorm.clip(java.util.List.of(g), norm, 1e-3);
                opt.update("w", p.getArray(), g);
                g.close();
                int now = m.getManagedArrays().size();
                if (before >= 0) {
                    assertEquals(before, now, "arrays left in the parameter's manager after step " + step);
                }
                before = now;
            }
        }
    }
}
