package dev.pathway.circuits.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.io.PairSet;
import dev.pathway.circuits.io.ResultFiles;
import dev.pathway.circuits.patch.EffectResult;
import dev.pathway.circuits.patch.MinDelta;
import dev.pathway.circuits.patch.PatchTarget;
import dev.pathway.circuits.patch.PatchingRun;
import dev.pathway.circuits.patch.PositionMode;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.circuits.patch.SweepRunner;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pathway circuits patch}: activation patching of one or more targets over the pairs of a
 * diagnostic file. Targets:
 *
 * <ul>
 *   <li>{@code resid}: resid_pre, attn_out and mlp_out x layer x position;
 *   <li>{@code head-z}, {@code head-v}, {@code head-q}, {@code head-k}, {@code head-pattern}: layer x
 *       head, all positions;
 *   <li>{@code head-z-pos}, {@code head-v-pos}, {@code head-pattern-pos}: listed heads x position;
 *   <li>{@code hook:NAME}: any encoder hook by name, x position (x head where it has heads).
 * </ul>
 *
 * Positions are {@code each} (absolute) or {@code category} (see PositionCategory; the default
 * with more than one pair).
 */
public record PatchJob(PairOptions pairs, List<String> targets, List<HeadId> heads, String positions, MinDelta minDelta,
        RowBudget budget, Path out, boolean overwrite) {

    public static final List<String> TARGETS = List.of("resid", "head-z", "head-v", "head-q", "head-k", "head-pattern", "head-z-pos",
            "head-v-pos", "head-pattern-pos");

    public ObjectNode run(CrossEncoder model, Path modelDir) {
        return run(model, modelDir, SweepRunner.local(model));
    }

    /** As above, with the pairs' effects computed by {@code runner} (e.g. on a cluster) and aggregated here. */
    public ObjectNode run(CrossEncoder model, Path modelDir, SweepRunner runner) {
        for (String t : targets) {
            if (!TARGETS.contains(t) && !t.startsWith("hook:")) {
                throw new UserInputException("unknown target '" + t + "' (valid: " + String.join(", ", TARGETS) + ", hook:NAME)");
            }
            if (t.startsWith("hook:")) {
                model.hookPoints().layout(t.substring("hook:".length()));
            }
        }
        AtomicDirectory.checkTarget(out, overwrite);
        PairSet set = pairs.load(model);
        PositionMode mode = positions == null ? (set.pairs().size() == 1 ? PositionMode.EACH : PositionMode.CATEGORY)
                : PositionMode.parse(positions);
        Map<String, PatchTarget> ts = new LinkedHashMap<>();
        Map<String, TargetSpec> specs = new LinkedHashMap<>();
        for (String t : targets) {
            TargetSpec spec = new TargetSpec(t, heads, mode);
            PatchTarget target = spec.build(model);
            ts.put(target.name(), target);
            specs.put(target.name(), spec);
        }
        ObjectNode info = RunInfo.of(model, modelDir, "circuits patch");
        RunInfo.data(info, "pairs", pairs.data());
        info.put("pairs", set.pairs().size());
        info.put("variant", pairs.variant() == 0 ? "last" : Integer.toString(pairs.variant()));
        info.put("seed", pairs.seed());
        info.put("filler", pairs.filler());
        info.put("positions", mode.name().toLowerCase(java.util.Locale.ROOT));
        Map<String, EffectResult> results = new LinkedHashMap<>();
        for (Map.Entry<String, PatchTarget> e : ts.entrySet()) {
            results.put(e.getKey(), PatchingRun.run(runner, model, set.pairs(), specs.get(e.getKey()), budget, minDelta));
        }
        ObjectNode summary = Json.MAPPER.createObjectNode();
        AtomicDirectory.write(out, overwrite, dir -> {
            ArrayNode files = summary.putArray("files");
            for (Map.Entry<String, EffectResult> e : results.entrySet()) {
                String title = "Activation patching on " + pairs.data().getFileName() + ": " + ts.get(e.getKey()).description();
                ResultFiles.writeEffect(dir, e.getKey(), e.getValue(), title, info);
                files.add(e.getKey() + ".json");
            }
            Json.write(dir.resolve("run.json"), info);
        });
        summary.put("out", out.toAbsolutePath().toString());
        summary.put("pairs", set.pairs().size());
        EffectResult first = results.values().iterator().next();
        summary.put("pairs_kept", first.kept());
        summary.put("min_delta", first.minDelta());
        summary.put("mean_delta", first.meanDelta());
        return summary;
    }
}
