package dev.pathway.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.model.Gradients;
import dev.pathway.core.util.Json;
import dev.pathway.trainer.loss.Losses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training batch run in passes (to keep intermediates small) must give the loss and gradients
 * of the whole batch (on a copy of the model without dropout, so both ways see one function).
 */
class TrainingPassesTest {
    @TempDir
    Path tmp;

    @Test
    void passesOfWholeGroupsGiveTheWholeBatchsLossAndGradients() throws IOException {
        Path dir = TestModels.withoutDropout(tmp);

        for (String loss : new String[] {"bce", "listwise-softmax"}) {
            try (CrossEncoder model = Checkpoints.load(dir, Device.cpu())) {
                model.parameters().values().forEach(p -> p.freeze(false));
                Map<String, float[]> whole = gradients(model, loss, 8);
                Map<String, float[]> passes = gradients(model, loss, 2);
                for (String name : new String[] {"bert.embeddings.word_embeddings.weight", "bert.encoder.layer.3.attention.self.query.weight",
                        "classifier.weight"}) {
                    float[] a = whole.get(name);
                    float[] b = passes.get(name);
                    double maxAbs = 0;
                    double maxDiff = 0;
                    for (int i = 0; i < a.length; i++) {
                        maxAbs = Math.max(maxAbs, Math.abs(a[i]));
                        maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
                    }
                    assertTrue(maxAbs > 0, loss + " " + name + " has a gradient");
                    assertTrue(maxDiff <= 1e-4 * maxAbs, loss + " " + name + ": max diff " + maxDiff + " of max " + maxAbs);
                }
                assertEquals(whole.get("loss")[0], passes.get("loss")[0], 1e-5, loss);
            }
        }
    }

    /** Loss and selected gradients of one batch of 4 groups of 2 pairs, run in passes of {@code perPass} rows. */
    private static Map<String, float[]> gradients(CrossEncoder model, String lossName, int perPass) {
        Map<String, float[]> out = new HashMap<>();
        try (Model djl = Model.newInstance("test", Device.cpu(), "PyTorch");
                NDManager nd = model.manager().newSubManager()) {
            djl.setBlock(model.block());
            try (Trainer trainer = djl.newTrainer(new DefaultTrainingConfig(Losses.byName(lossName, 2)))) {
                NDList in = RandomBatches.of(nd, 8, 24, 7, 1000, 20000);
                NDList labels = new NDList(nd.create(new float[] {1, 0, 1, 0, 1, 0, 1, 0}, new Shape(4, 2)));
                float loss;
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    loss = TrainingRun.forwardBackward(trainer, gc, in, labels, 2, perPass);
                }
                out.put("loss", new float[] {loss});
                for (Map.Entry<String, Parameter> e : model.parameters().entrySet()) {
                    NDArray g = e.getValue().getArray().getGradient();
                    out.put(e.getKey(), g.toFloatArray());
                    g.close();
                    Gradients.zero(e.getValue().getArray());
                }
            }
        }
        return out;
    }
}
