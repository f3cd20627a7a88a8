package dev.pathway.editing.edit;

import dev.pathway.core.util.UserInputException;

/** Validation of edit scales: finite and strictly positive. */
final class Scales {
    private Scales() {}

    static double check(double scale) {
        if (Double.isNaN(scale) || Double.isInfinite(scale) || scale <= 0) {
            throw new UserInputException("the edit scale must be a finite number > 0, got " + scale
                    + (scale == 0 ? " (a scale of 0 would erase the token's IDF coordinate, not scale it)" : ""));
        }
        return scale;
    }
}
