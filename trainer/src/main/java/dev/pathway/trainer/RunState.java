package dev.pathway.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.checkpoint.DType;
import dev.pathway.core.checkpoint.RawTensor;
import dev.pathway.core.checkpoint.SafeTensors;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.model.ModelAssembly;
import dev.pathway.core.model.WeightLoader;
import dev.pathway.core.tokenize.Tensors;
import dev.pathway.core.util.Json;
import dev.pathway.trainer.optim.AdamW;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The resume state of a run after a finished epoch: all weights, AdamW's moments and step counts,
 * and the history. Written atomically to {@code state/}; RNG state needs no saving because every
 * epoch reseeds its shuffling and dropout from (seed, epoch).
 */
public final class RunState {
    static final String DIR = "state";
    private static final String WEIGHTS = "model.safetensors";
    private static final String OPTIMIZER = "optimizer.safetensors";
    private static final String HISTORY = "state.json";

    private RunState() {}

    public static boolean exists(Path runDir) {
        return Files.isRegularFile(runDir.resolve(DIR).resolve(HISTORY));
    }

    /**
     * @param idToName DJL parameter id to HuggingFace name (optimizer state is keyed by id)
     */
    static void save(Path runDir, CrossEncoder model, AdamW optimizer, Map<String, String> idToName, TrainingHistory h) {
        AtomicDirectory.write(runDir.resolve(DIR), true, dir -> {
            SafeTensors.write(dir.resolve(WEIGHTS), ModelAssembly.rawTensors(model), Map.of());
            List<RawTensor> moments = new ArrayList<>();
            ObjectNode steps = Json.MAPPER.createObjectNode();
            for (Map.Entry<String, NDArray[]> e : optimizer.moments().entrySet()) {
                String name = idToName.get(e.getKey());
                moments.add(raw(name + ".exp_avg", e.getValue()[0]));
                moments.add(raw(name + ".exp_avg_sq", e.getValue()[1]));
            }
            optimizer.stepCounts().forEach((id, n) -> steps.put(idToName.get(id), n));
            SafeTensors.write(dir.resolve(OPTIMIZER), moments, Map.of());
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("completed_epochs", h.completedEpochs());
            n.put("global_step", h.globalStep);
            n.put("best_epoch", h.bestEpoch);
            n.put("best_metric", h.bestMetric);
            n.putPOJO("dev_metric", h.devMetric);
            n.putPOJO("train_loss", h.trainLoss);
            n.set("optimizer_steps", steps);
            Json.write(dir.resolve(HISTORY), n);
        });
    }

    /** Loads weights into the model and state into the optimizer; returns the history. */
    static TrainingHistory load(Path runDir, CrossEncoder model, AdamW optimizer, Map<String, String> nameToId) throws IOException {
        Path dir = runDir.resolve(DIR);
        Map<String, RawTensor> weights = SafeTensors.read(dir.resolve(WEIGHTS));
        NDManager m = model.manager();
        for (Map.Entry<String, Parameter> e : model.parameters().entrySet()) {
            RawTensor t = weights.get(e.getKey());
            if (t == null) {
                throw new IOException("resume state lacks " + e.getKey());
            }
            WeightLoader.setArray(e.getValue(), array(m, t));
        }
        JsonNode n = Json.read(dir.resolve(HISTORY));
        Map<String, RawTensor> opt = SafeTensors.read(dir.resolve(OPTIMIZER));
        Map<String, NDArray[]> moments = new HashMap<>();
        Map<String, Integer> steps = new HashMap<>();
        try (NDManager tmp = m.newSubManager()) {
            n.path("optimizer_steps").fields().forEachRemaining(e -> {
                String id = nameToId.get(e.getKey());
                if (id != null) {
                    steps.put(id, e.getValue().asInt());
                    moments.put(id, new NDArray[] {
                        array(tmp, opt.get(e.getKey() + ".exp_avg")), array(tmp, opt.get(e.getKey() + ".exp_avg_sq"))});
                }
            });
            optimizer.restore(moments, steps);
        }
        TrainingHistory h = new TrainingHistory();
        n.path("dev_metric").forEach(x -> h.devMetric.add(x.asDouble()));
        n.path("train_loss").forEach(x -> h.trainLoss.add(x.asDouble()));
        h.bestEpoch = n.path("best_epoch").asInt();
        h.bestMetric = n.path("best_metric").asDouble();
        h.globalStep = n.path("global_step").asInt();
        return h;
    }

    private static RawTensor raw(String name, NDArray a) {
        ByteBuffer b = a.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer d = ByteBuffer.allocateDirect(b.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        d.put(b).flip();
        return new RawTensor(name, DType.F32, a.getShape().getShape(), d);
    }

    private static NDArray array(NDManager m, RawTensor t) {
        return Tensors.owned(m, t.data().duplicate(), new Shape(t.shape()), ai.djl.ndarray.types.DataType.FLOAT32);
    }
}
