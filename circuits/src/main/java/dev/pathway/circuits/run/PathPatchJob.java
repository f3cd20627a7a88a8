package dev.pathway.circuits.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.io.PairSet;
import dev.pathway.circuits.io.ResultFiles;
import dev.pathway.circuits.patch.EffectResult;
import dev.pathway.circuits.patch.MinDelta;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.circuits.patch.SweepRunner;
import dev.pathway.circuits.path.PathPatchingRun;
import dev.pathway.circuits.path.Receiver;
import dev.pathway.circuits.path.Sender;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code pathway circuits path-patch}: senders (heads, MLPs, embeddings) to the logits, or to the
 * q/k/v inputs of receiver heads, over the pairs of a diagnostic file; a layer x head result.
 */
public record PathPatchJob(PairOptions pairs, String senders, List<HeadId> receivers, Set<String> inputs, MinDelta minDelta,
        RowBudget budget, Path out, boolean overwrite) {

    public ObjectNode run(CrossEncoder model, Path modelDir) {
        return run(model, modelDir, SweepRunner.local(model));
    }

    /** As above, with the pairs' effects computed by {@code runner} (e.g. on a cluster) and aggregated here. */
    public ObjectNode run(CrossEncoder model, Path modelDir, SweepRunner runner) {
        List<Sender> ss = Sender.parse(senders, model.config());
        Receiver receiver = null;
        if (receivers != null && !receivers.isEmpty()) {
            List<HeadId> rs = new ArrayList<>();
            receivers.forEach(h -> rs.add(h.checked(model.config())));
            receiver = new Receiver(rs, inputs);
        }
        AtomicDirectory.checkTarget(out, overwrite);
        PairSet set = pairs.load(model);
        EffectResult r = PathPatchingRun.run(runner, model, set.pairs(), ss, receiver, budget, minDelta);
        ObjectNode info = RunInfo.of(model, modelDir, "circuits path-patch");
        RunInfo.data(info, "pairs", pairs.data());
        info.put("pairs", set.pairs().size());
        info.put("seed", pairs.seed());
        info.put("senders", senders);
        info.put("receivers", receiver == null ? "logits" : receiver.toString());
        String base = receiver == null ? "to-logits" : "to-receivers";
        String title = receiver == null ? "Path patching: sender -> logits"
                : "Path patching: sender -> " + receiver.heads() + " (" + String.join("", receiver.inputs().stream().sorted().toList()) + ")";
        Receiver rec = receiver;
        AtomicDirectory.write(out, overwrite, dir -> {
            ResultFiles.writeEffect(dir, base, r, title, info);
            Json.write(dir.resolve("run.json"), info);
        });
        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("out", out.toAbsolutePath().toString());
        summary.put("receivers", rec == null ? "logits" : rec.toString());
        summary.put("pairs", set.pairs().size());
        summary.put("pairs_kept", r.kept());
        summary.put("min_delta", r.minDelta());
        return summary;
    }
}
