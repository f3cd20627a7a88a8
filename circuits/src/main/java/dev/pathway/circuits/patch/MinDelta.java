package dev.pathway.circuits.patch;

import dev.pathway.core.util.UserInputException;
import java.util.Arrays;

/**
 * Which pairs enter the mean of per-pair effects: those with |s_P - s_B| at least a threshold.
 * The threshold is a number of logits, or {@code auto}: a tenth of the median |s_P - s_B| of the
 * run (a pair whose perturbation barely moves the score gives a ratio of two tiny numbers).
 */
public record MinDelta(Double absolute) implements java.io.Serializable {
    public static final double AUTO_FRACTION = 0.1;

    public static MinDelta auto() {
        return new MinDelta(null);
    }

    public static MinDelta parse(String s) {
        if (s.trim().equalsIgnoreCase("auto")) {
            return auto();
        }
        try {
            double v = Double.parseDouble(s.trim());
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return new MinDelta(v);
        } catch (NumberFormatException e) {
            throw new UserInputException("--min-delta must be 'auto' or a number >= 0, got '" + s + "'");
        }
    }

    /** The threshold for a run with these |s_P - s_B|. */
    public double value(double[] absDeltas) {
        if (absolute != null) {
            return absolute;
        }
        if (absDeltas.length == 0) {
            return 0;
        }
        double[] s = absDeltas.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return AUTO_FRACTION * median;
    }

    @Override
    public String toString() {
        return absolute == null ? "auto (" + AUTO_FRACTION + " x median |s_P - s_B|)" : absolute.toString();
    }
}
