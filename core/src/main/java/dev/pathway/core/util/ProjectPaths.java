package dev.pathway.core.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the project root (the directory of the parent {@code pom.xml}) independently of the
 * working directory, which differs between the launcher, Maven modules and IDEs.
 */
public final class ProjectPaths {
    private static final String ROOT_PROPERTY = "pathway.project.root";
    private static final String ROOT_ENV = "PATHWAY_HOME";

    private ProjectPaths() {}

    /** The project root: {@code -Dpathway.project.root}, {@code PATHWAY_HOME}, or found from user.dir. */
    public static Path root() {
        String p = System.getProperty(ROOT_PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ROOT_ENV);
        }
        if (p != null && !p.isBlank()) {
            return Paths.get(p).toAbsolutePath().normalize();
        }
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (isRoot(d)) {
                return d;
            }
        }
        return dir;
    }

    /** {@code <root>/data/cache}: downloads, indexes, imported test models (ignored by git). */
    public static Path cache() {
        return root().resolve("data").resolve("cache");
    }

    /** {@code <root>/checkpoints}. */
    public static Path checkpoints() {
        return root().resolve("checkpoints");
    }

    private static boolean isRoot(Path d) {
        Path pom = d.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            return Files.readString(pom).contains("<artifactId>pathway-parent</artifactId>")
                    && Files.isDirectory(d.resolve("core"));
        } catch (IOException e) {
            return false;
        }
    }
}
