package dev.pathway.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
    @TempDir
    Path tmp;

    private static Map<String, float[]> weights(CrossEncoder m) {
        Map<String, float[]> out = new HashMap<>();
        m.parameters().forEach((n, p) -> out.put(n, p.getArray().toFloatArray()));
        return out;
    }

    private static List<String> lossCurve(Path runDir) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (String l : Files.readAllLines(runDir.resolve("log.jsonl"))) {
            out.add(Json.MAPPER.readTree(l).path("loss").asText());
        }
        return out;
    }

    @Test
    void sameSeedSameLossCurveAndWeights() throws Exception {
        Map<String, float[]> first;
        try (CrossEncoder a = TestModels.fresh(); CrossEncoder b = TestModels.fresh()) {
            SmallTask.run(a, TrainableSet.of(List.of("full")), SmallTask.settings(1, 5e-5), 7, tmp.resolve("a"), SmallTask.margin()).run();
            SmallTask.run(b, TrainableSet.of(List.of("full")), SmallTask.settings(1, 5e-5), 7, tmp.resolve("b"), SmallTask.margin()).run();
            assertEquals(lossCurve(tmp.resolve("a")), lossCurve(tmp.resolve("b")));
            first = weights(a);
            Map<String, float[]> second = weights(b);
            first.forEach((n, w) -> assertArrayEquals(w, second.get(n), 0f, n));
        }
        try (CrossEncoder c = TestModels.fresh()) {
            SmallTask.run(c, TrainableSet.of(List.of("full")), SmallTask.settings(1, 5e-5), 8, tmp.resolve("c"), SmallTask.margin()).run();
            assertNotEquals(lossCurve(tmp.resolve("a")), lossCurve(tmp.resolve("c")), "another seed, another run");
        }
    }

    @Test
    void frozenParametersStayBitIdentical() throws Exception {
        try (CrossEncoder original = TestModels.fresh(); CrossEncoder m = TestModels.fresh()) {
            TrainingRun run = SmallTask.run(m, TrainableSet.of(List.of("embeddings", "head")), SmallTask.settings(1, 1e-3), 3,
                    tmp.resolve("emb"), SmallTask.margin());
            run.run();
            try (CrossEncoder best = Checkpoints.load(run.bestCheckpoint(), Device.cpu())) {
                Map<String, float[]> before = weights(original);
                Map<String, float[]> after = weights(best);
                int changed = 0;
                for (String n : before.keySet()) {
                    boolean trains = n.startsWith("bert.embeddings.") || n.startsWith("bert.pooler.") || n.startsWith("classifier.");
                    if (trains) {
                        changed += java.util.Arrays.equals(before.get(n), after.get(n)) ? 0 : 1;
                    } else {
                        assertArrayEquals(before.get(n), after.get(n), 0f, n + " is frozen");
                    }
                }
                assertTrue(changed >= 8, "trainable parameters changed: " + changed);
                var ops = best.provenance().operations();
                assertEquals("train", ops.get(ops.size() - 1).path("kind").asText());
                assertEquals("embeddings+head", ops.get(ops.size() - 1).path("params").path("trainable").asText());
            }
        }
    }

    /**
     * Lazy word-embedding rows (each batch's rows as a small table): reproducible, the encoder
     * frozen, and only rows of W_E that occur in the training pairs move.
     */
    @Test
    void lazyRowsMoveOnlyTheRowsTheBatchesUse() throws Exception {
        try (CrossEncoder original = TestModels.fresh(); CrossEncoder a = TestModels.fresh(); CrossEncoder b = TestModels.fresh()) {
            TrainableSet set = TrainableSet.of(List.of("embeddings", "head"));
            SmallTask.run(a, set, SmallTask.settings(1, 1e-3, true), 4, tmp.resolve("a"), SmallTask.margin()).run();
            SmallTask.run(b, set, SmallTask.settings(1, 1e-3, true), 4, tmp.resolve("b"), SmallTask.margin()).run();
            Map<String, float[]> before = weights(original);
            Map<String, float[]> afterA = weights(a);
            Map<String, float[]> afterB = weights(b);
            afterA.forEach((n, w) -> assertArrayEquals(w, afterB.get(n), 0f, n + ": same seed, same weights"));
            before.forEach((n, w) -> {
                if (n.startsWith("bert.encoder.")) {
                    assertArrayEquals(w, afterA.get(n), 0f, n + " is frozen");
                }
            });
            float[] w0 = before.get("bert.embeddings.word_embeddings.weight");
            float[] w1 = afterA.get("bert.embeddings.word_embeddings.weight");
            int d = a.config().hiddenSize();
            java.util.Set<Long> used = SmallTask.trainingTokenIds(a, 4);
            int moved = 0;
            for (int row = 0; row < w0.length / d; row++) {
                boolean same = java.util.Arrays.equals(w0, row * d, (row + 1) * d, w1, row * d, (row + 1) * d);
                if (!same) {
                    moved++;
                    assertTrue(used.contains((long) row), "row " + row + " moved but no training pair uses it");
                }
            }
            assertTrue(moved > used.size() / 2, moved + " of " + used.size() + " used rows moved");
        }
    }

    /** Embeddings with lazy rows and the head: the resumed optimizer state covers both kinds of update. */
    private static final TrainableSet LAZY_EMBEDDINGS = TrainableSet.of(List.of("embeddings", "head"));

    @Test
    void aResumedRunEndsExactlyLikeAnUninterruptedOne() throws Exception {
        try (CrossEncoder a = TestModels.fresh(); CrossEncoder b = TestModels.fresh()) {
            SmallTask.run(a, LAZY_EMBEDDINGS, SmallTask.settings(2, 1e-3, true), 5, tmp.resolve("whole"), SmallTask.margin()).run();
            AtomicInteger calls = new AtomicInteger();
            DevEvaluator crashOnSecond = model -> {
                if (calls.incrementAndGet() == 2) {
                    throw new IllegalStateException("simulated crash in epoch 2");
                }
                return SmallTask.margin().evaluate(model);
            };
            Path dir = tmp.resolve("crash");
            assertThrows(IllegalStateException.class,
                    () -> SmallTask.run(b, LAZY_EMBEDDINGS, SmallTask.settings(2, 1e-3, true), 5, dir, crashOnSecond).run());
            try (CrossEncoder c = TestModels.fresh()) {
                TrainingHistory h = SmallTask.run(c, LAZY_EMBEDDINGS, SmallTask.settings(2, 1e-3, true), 5, dir, SmallTask.margin()).run();
                assertEquals(2, h.completedEpochs());
                Map<String, float[]> whole = weights(a);
                weights(c).forEach((n, w) -> assertArrayEquals(whole.get(n), w, 0f, n));
            }
        }
    }

    @Test
    void trainingTheHeadImprovesTheDevMargin() throws Exception {
        try (CrossEncoder m = TestModels.fresh()) {
            double before = SmallTask.margin().evaluate(m);
            TrainingHistory h = SmallTask.run(m, TrainableSet.of(List.of("head")), SmallTask.settings(3, 3e-3), 11,
                    tmp.resolve("learn"), SmallTask.margin()).run();
            // The fresh classifier starts near 0 (weights ~ N(0, 0.02)); learning must widen the
            // margin between relevant and random documents, epoch after epoch.
            assertTrue(h.devMetric.get(2) > h.devMetric.get(0) && h.devMetric.get(0) > before, "dev margin " + before + " -> " + h.devMetric);
            assertTrue(h.bestMetric > before + 0.02, "dev margin " + before + " -> " + h.devMetric);
        }
    }

    @Test
    void anExplodingRunStopsWithAClearMessage() {
        try (CrossEncoder m = TestModels.fresh()) {
            TrainingSettings wild = new TrainingSettings(1, 8, 1e3, 0.0, 0.0, SmallTask.MAX_LENGTH, "bce", 0.0, 1e-3, false, false);
            TrainingStoppedException e = assertThrows(TrainingStoppedException.class,
                    () -> SmallTask.run(m, TrainableSet.of(List.of("full")), wild, 1, tmp.resolve("wild"), SmallTask.margin()).run());
            assertTrue(e.getMessage().contains("gradient norm was") && e.getMessage().contains("limit"), e.getMessage());
        }
    }
}
