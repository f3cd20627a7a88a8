package dev.pathway.cli.eval;

import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.util.ProjectPaths;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out DIR [--overwrite]}: the output folder, written atomically (default under runs/). */
public final class OutOptions {
    @Option(names = "--out", description = "Output folder, written atomically (default: runs/<command>-<dataset>-<split>).")
    Path out;

    @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
    boolean overwrite;

    /** The output folder, checked writable before any work starts. */
    public Path resolve(String defaultName) {
        Path p = out != null ? out : ProjectPaths.root().resolve("runs").resolve(defaultName.replaceAll("[^A-Za-z0-9._-]", "_"));
        AtomicDirectory.checkTarget(p, overwrite);
        return p;
    }

    public boolean overwrite() {
        return overwrite;
    }
}
