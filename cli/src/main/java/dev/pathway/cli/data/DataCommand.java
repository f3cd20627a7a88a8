package dev.pathway.cli.data;

import picocli.CommandLine.Command;

/** {@code pathway data ...}: list, fetch and describe data sets. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "List, fetch and describe data sets (manifests in data/, cache in data/cache/datasets).",
        subcommands = {ListCommand.class, FetchCommand.class, StatsCommand.class})
public final class DataCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, fetch or stats");
    }
}
