package dev.pathway.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out DIR [--overwrite]} for commands that write a directory. */
public final class OutputOption {
    @Option(names = "--out", required = true, description = "Output directory (written atomically).")
    public Path out;

    @Option(names = "--overwrite", description = "Replace the output directory if it exists.")
    public boolean overwrite;
}
