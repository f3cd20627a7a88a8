package dev.pathway.cli.bench;

import dev.pathway.cli.edit.BenchEditCommand;
import picocli.CommandLine.Command;

/** {@code pathway bench ...}: performance tables (benchmarks, not tests). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that print a table of timings.",
        subcommands = {BenchEditCommand.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: edit");
    }
}
