package dev.pathway.circuits.data;

import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the paper's diagnostic files live: {@code PATHWAY_DATA_MIRROR} (system property or
 * environment variable), else {@code <project root>/../shared/data}; the files are in its
 * {@code diagnostic/} folder.
 */
public final class DataMirror {
    private DataMirror() {}

    public static Path root() {
        String p = System.getProperty("PATHWAY_DATA_MIRROR");
        if (p == null || p.isBlank()) {
            p = System.getenv("PATHWAY_DATA_MIRROR");
        }
        Path dir = p != null && !p.isBlank() ? Paths.get(p) : ProjectPaths.root().resolve("../shared/data");
        return dir.toAbsolutePath().normalize();
    }

    /** The folder of the paper's diagnostic files, or a user error naming where it looked. */
    public static Path paperDiagnostic() {
        Path d = root().resolve("diagnostic");
        if (!Files.isRegularFile(d.resolve(PaperDiagnosticFiles.QUERIES))) {
            throw new UserInputException("the paper's diagnostic files are not at " + d
                    + " (set PATHWAY_DATA_MIRROR, or pass --paper-dir)");
        }
        return d;
    }
}
