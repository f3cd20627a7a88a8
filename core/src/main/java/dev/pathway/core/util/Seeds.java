package dev.pathway.core.util;

import java.util.SplittableRandom;

/** Derives independent, reproducible sub-seeds from one run seed, by purpose name. */
public final class Seeds {
    private Seeds() {}

    /** A stable 64-bit seed for {@code purpose} under {@code seed} (same inputs, same output). */
    public static long derive(long seed, String purpose) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < purpose.length(); i++) {
            h = (h ^ purpose.charAt(i)) * 0x100000001B3L;
        }
        return new SplittableRandom(h).nextLong();
    }
}
