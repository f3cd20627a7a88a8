package dev.pathway.editing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The shared real data (../shared/data), read in place. */
public final class TestData {
    private TestData() {}

    public static Path mirror() {
        String p = System.getProperty("PATHWAY_DATA_MIRROR", System.getenv("PATHWAY_DATA_MIRROR"));
        Path dir = p != null ? Paths.get(p) : dev.pathway.core.util.ProjectPaths.root().resolve("../shared/data");
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("SHA256SUMS"))) {
            throw new IllegalStateException("shared data not found: " + dir.resolve("SHA256SUMS"));
        }
        return dir;
    }

    /** A file of the mirror that must exist. */
    public static Path file(String relative) {
        Path f = mirror().resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("missing test data file: " + f);
        }
        return f;
    }
}
