package dev.pathway.cli.bench;

import dev.pathway.cli.circuits.CircuitsBenchCommand;
import dev.pathway.cli.edit.BenchEditCommand;
import picocli.CommandLine.Command;

/** {@code pathway bench ...}: benchmarks that print a table (speed targets live here, not in tests). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks on real data; each prints a table.",
        subcommands = {ScoreBenchCommand.class, TrainBenchCommand.class, BenchEditCommand.class,
            CircuitsBenchCommand.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing benchmark name");
    }
}
