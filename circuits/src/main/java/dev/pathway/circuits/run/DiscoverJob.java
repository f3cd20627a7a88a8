package dev.pathway.circuits.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.discover.Circuit;
import dev.pathway.circuits.discover.CircuitDiagram;
import dev.pathway.circuits.discover.CircuitDiscovery;
import dev.pathway.circuits.discover.DiscoveryOptions;
import dev.pathway.circuits.io.PairSet;
import dev.pathway.circuits.io.ResultFiles;
import dev.pathway.circuits.patch.MinDelta;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import java.nio.file.Path;

/**
 * {@code pathway circuits discover}: the backward path-patching search; writes {@code circuit.json},
 * {@code circuit.dot}, {@code circuit.png} and each step's sweep ({@code step-<level>-<receiver>.*}).
 */
public record DiscoverJob(PairOptions pairs, DiscoveryOptions options, MinDelta minDelta, RowBudget budget, Path out, boolean overwrite) {

    public ObjectNode run(CrossEncoder model, Path modelDir) {
        AtomicDirectory.checkTarget(out, overwrite);
        PairSet set = pairs.load(model);
        CircuitDiscovery.Result res = CircuitDiscovery.discover(model, set.pairs(), options, budget, minDelta);
        ObjectNode info = RunInfo.of(model, modelDir, "circuits discover");
        RunInfo.data(info, "pairs", pairs.data());
        info.put("pairs", set.pairs().size());
        info.put("seed", pairs.seed());
        Circuit c = res.circuit();
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.set("run", info);
        json.setAll(c.toJson());
        ArrayNode steps = json.putArray("steps");
        String title = "Circuit of " + modelDir.getFileName() + " on " + pairs.data().getFileName() + " (" + set.pairs().size() + " pairs)";
        AtomicDirectory.write(out, overwrite, dir -> {
            for (CircuitDiscovery.Step st : res.steps()) {
                String base = "step-" + st.level() + "-" + st.receiver().replace('.', '_');
                ObjectNode s = steps.addObject();
                s.put("level", st.level());
                s.put("receiver", st.receiver());
                s.put("max_effect", st.max());
                s.put("threshold", st.threshold());
                ArrayNode kept = s.putArray("kept");
                st.kept().forEach(h -> kept.add(h.toString()));
                s.put("file", base + ".json");
                String t = st.receiver().equals(Circuit.LOGITS) ? "Path patching: heads -> logits"
                        : "Path patching: heads -> " + st.receiver() + " (" + c.rule().path("receiver_inputs").asText() + ")";
                ResultFiles.writeEffect(dir, base, st.result(), t, info);
            }
            Json.write(dir.resolve("circuit.json"), json);
            CircuitDiagram.writeDot(c, title, dir.resolve("circuit.dot"));
            CircuitDiagram.writePng(c, title, dir.resolve("circuit.png"));
        });
        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("out", out.toAbsolutePath().toString());
        ArrayNode hs = summary.putArray("heads");
        for (Circuit.Node n : c.heads()) {
            hs.add(n.head() + " " + n.role().label() + " (level " + n.level() + ", effect " + String.format(java.util.Locale.ROOT, "%.3f", n.effect())
                    + ")");
        }
        summary.put("edges", c.edges().size());
        return summary;
    }
}
