package dev.pathway.circuits.run;

import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.patch.ActivationSweep;
import dev.pathway.circuits.patch.HeadPositionTarget;
import dev.pathway.circuits.patch.HeadTarget;
import dev.pathway.circuits.patch.HookTarget;
import dev.pathway.circuits.patch.PatchTarget;
import dev.pathway.circuits.patch.PositionMode;
import dev.pathway.circuits.patch.ResidTarget;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A patching target as the user named it ({@code resid}, {@code head-z}, {@code hook:NAME}, ...),
 * with its heads and position mode: plain values, built into a {@link PatchTarget} for a model
 * wherever the patching runs.
 *
 * @param name the target as given to {@code --targets}
 * @param heads the heads of the by-position targets (may be null otherwise)
 * @param mode how positions are named
 */
public record TargetSpec(String name, List<HeadId> heads, PositionMode mode) implements ActivationSweep.TargetFactory {
    public TargetSpec {
        heads = heads == null ? null : List.copyOf(heads);
    }

    @Override
    public PatchTarget build(CrossEncoder model) {
        if (name.startsWith("hook:")) {
            return new HookTarget(model.hookPoints(), name.substring("hook:".length()), mode);
        }
        return switch (name) {
            case "resid" -> new ResidTarget(model.config(), ResidTarget.COMPONENTS, mode);
            case "head-z-pos", "head-v-pos", "head-pattern-pos" -> {
                if (heads == null || heads.isEmpty()) {
                    throw new UserInputException("target " + name + " needs --heads (e.g. --heads 5.1,4.7)");
                }
                List<HeadId> hs = new ArrayList<>();
                heads.forEach(h -> hs.add(h.checked(model.config())));
                yield new HeadPositionTarget(hs, name.substring("head-".length(), name.length() - "-pos".length()), mode);
            }
            default -> new HeadTarget(model.config(), name.substring("head-".length()));
        };
    }
}
