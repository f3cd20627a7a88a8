package dev.pathway.eval.data;

import dev.pathway.core.util.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the mirror folder of prepared data sets: the system property or environment variable
 * {@code PATHWAY_DATA_MIRROR} (CI and the tests point it at {@code ../shared/data}), else {@code
 * <project root>/../shared/data} when that folder exists and holds a {@code SHA256SUMS}.
 */
public final class DataMirror {
    public static final String VARIABLE = "PATHWAY_DATA_MIRROR";

    private DataMirror() {}

    /** The mirror folder, or null when none is configured or found. */
    public static Path locate() {
        String p = System.getProperty(VARIABLE);
        if (p == null || p.isBlank()) {
            p = System.getenv(VARIABLE);
        }
        if (p != null && !p.isBlank()) {
            return Paths.get(p).toAbsolutePath().normalize();
        }
        Path sibling = ProjectPaths.root().resolve("..").resolve("shared").resolve("data").normalize();
        return Files.isRegularFile(sibling.resolve("SHA256SUMS")) ? sibling : null;
    }
}
