package dev.pathway.circuits.ablate;

import dev.pathway.core.util.UserInputException;

/** How an ablated head's output z is replaced. */
public enum AblationMode {
    /** By its mean over a reference set of inputs, per position class (true mean ablation). */
    MEAN,
    /** By zeros (what the reference code does, under the name "mean ablation"). */
    ZERO;

    public static AblationMode parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "mean" -> MEAN;
            case "zero" -> ZERO;
            default -> throw new UserInputException("unknown ablation '" + s + "' (mean or zero)");
        };
    }
}
