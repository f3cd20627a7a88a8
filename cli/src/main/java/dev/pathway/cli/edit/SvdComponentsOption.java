package dev.pathway.cli.edit;

import dev.pathway.editing.svd.EmbeddingSvd;
import picocli.CommandLine.Option;

/** {@code --k}: how many singular triplets of the word-embedding matrix an edit command computes. */
public final class SvdComponentsOption {
    @Option(names = "--k", defaultValue = "" + EmbeddingSvd.DEFAULT_K, description = "Singular components (default: ${DEFAULT-VALUE}).")
    int k;
}
