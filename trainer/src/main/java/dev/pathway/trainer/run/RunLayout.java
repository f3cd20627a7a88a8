package dev.pathway.trainer.run;

import dev.pathway.core.util.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Where a recipe run writes: {@code <root>/<recipe>/<run-id>/<condition>/seed-<s>/}. A run's
 * {@code result.json} is written last (atomically), so its presence marks a finished run.
 */
public final class RunLayout {
    public static final String RESULT = "result.json";
    public static final String TEST_RUN = "test.run";
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path recipeRoot;
    private final String runId;

    public RunLayout(Path checkpoints, String recipeName, String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new UserInputException("run id '" + runId + "' must use letters, digits, '.', '_' or '-'");
        }
        this.recipeRoot = checkpoints.resolve(recipeName);
        this.runId = runId;
    }

    /** A new run id from the current UTC time, unique under the recipe's folder. */
    public static String newRunId(Path checkpoints, String recipeName) {
        String base = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String id = base;
        for (int i = 2; Files.exists(checkpoints.resolve(recipeName).resolve(id)); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    public String runId() {
        return runId;
    }

    /** The folder of this run id: recipe copy, plan, report. */
    public Path root() {
        return recipeRoot.resolve(runId);
    }

    public Path runDir(String condition, long seed) {
        return root().resolve(condition).resolve("seed-" + seed);
    }

    public boolean finished(String condition, long seed) {
        return Files.isRegularFile(runDir(condition, seed).resolve(RESULT));
    }

    public boolean started(String condition, long seed) {
        return Files.isDirectory(runDir(condition, seed));
    }
}
