package dev.pathway.cli.eval;

import picocli.CommandLine.Option;

/** {@code --dataset NAME|DIR --split SPLIT}. */
public final class DataSetOptions {
    @Option(names = "--dataset", required = true, description = "Data set name (data/<name>.json, any BEIR name) or a BEIR folder.")
    public String dataset;

    @Option(names = "--split", defaultValue = "test", description = "Split: qrels/<split>.tsv (default: ${DEFAULT-VALUE}).")
    public String split;
}
