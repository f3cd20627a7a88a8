package dev.pathway.spark;

import dev.pathway.core.util.UserInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed Spark job into one clear line at the driver: a user error raised on an executor
 * (a checkpoint it cannot read, bad data) keeps its message; Spark's wrapping is dropped.
 */
final class SparkErrors {
    private static final Pattern USER = Pattern.compile("UserInputException: ([^\\n]+)");

    private SparkErrors() {}

    /** Spark's Java API throws its (checked) SparkException undeclared, so callers catch Exception. */
    static RuntimeException unwrap(Exception e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserInputException u) {
                return new UserInputException(what + " failed on Spark: " + u.getMessage());
            }
        }
        Matcher m = USER.matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            return new UserInputException(what + " failed on Spark: " + m.group(1));
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(what + " failed on Spark", e);
    }
}
