package dev.pathway.eval.fetch;

import java.util.HexFormat;
import java.util.Locale;

/**
 * An expected digest of a download: SHA-256 preferred; MD5 where that is all the publisher gives
 * (BEIR publishes MD5 sums of its zips); or none (then the computed SHA-256 is reported so that
 * it can be pinned).
 *
 * @param algorithm "SHA-256", "MD5" or null for none
 * @param hex lower-case hex, or null for none
 */
public record Checksum(String algorithm, String hex) {
    public static final Checksum NONE = new Checksum(null, null);

    public static Checksum sha256(String hex) {
        return new Checksum("SHA-256", normalise(hex, 64));
    }

    public static Checksum md5(String hex) {
        return new Checksum("MD5", normalise(hex, 32));
    }

    /** The SHA-256 if given, else the MD5 if given, else none. */
    public static Checksum of(String sha256, String md5) {
        if (sha256 != null && !sha256.isBlank()) {
            return sha256(sha256);
        }
        if (md5 != null && !md5.isBlank()) {
            return md5(md5);
        }
        return NONE;
    }

    public boolean isNone() {
        return algorithm == null;
    }

    private static String normalise(String hex, int length) {
        String h = hex.trim().toLowerCase(Locale.ROOT);
        if (h.length() != length) {
            throw new dev.pathway.core.util.UserInputException("checksum '" + hex + "' must have " + length + " hex digits");
        }
        HexFormat.of().parseHex(h);
        return h;
    }
}
