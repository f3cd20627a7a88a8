package dev.pathway.circuits.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.io.PairSet;
import dev.pathway.circuits.io.ResultFiles;
import dev.pathway.circuits.patch.EffectResult;
import dev.pathway.circuits.patch.HeadPositionTarget;
import dev.pathway.circuits.patch.HeadTarget;
import dev.pathway.circuits.patch.HookTarget;
import dev.pathway.circuits.patch.MinDelta;
import dev.pathway.circuits.patch.PatchTarget;
import dev.pathway.circuits.patch.PatchingRun;
import dev.pathway.circuits.patch.PositionMode;
import dev.pathway.circuits.patch.ResidTarget;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
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
        for (String t : targets) {
            PatchTarget target = target(t, model, mode);
            ts.put(target.name(), target);
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
            results.put(e.getKey(), PatchingRun.run(model, set.pairs(), e.getValue(), budget, minDelta));
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

    private PatchTarget target(String t, CrossEncoder model, PositionMode mode) {
        if (t.startsWith("hook:")) {
            return new HookTarget(model.hookPoints(), t.substring("hook:".length()), mode);
        }
        return switch (t) {
            case "resid" -> new ResidTarget(model.config(), ResidTarget.COMPONENTS, mode);
            case "head-z-pos", "head-v-pos", "head-pattern-pos" -> {
                if (heads == null || heads.isEmpty()) {
                    throw new UserInputException("target " + t + " needs --heads (e.g. --heads 5.1,4.7)");
                }
                List<HeadId> hs = new ArrayList<>();
                heads.forEach(h -> hs.add(h.checked(model.config())));
                yield new HeadPositionTarget(hs, t.substring("head-".length(), t.length() - "-pos".length()), mode);
            }
            default -> new HeadTarget(model.config(), t.substring("head-".length()));
        };
    }
}
