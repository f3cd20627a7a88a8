package dev.pathway.cli;

import dev.pathway.cli.bench.BenchCommand;
import dev.pathway.cli.circuits.CircuitsCommand;
import dev.pathway.cli.data.DataCommand;
import dev.pathway.cli.edit.EditCommand;
import dev.pathway.cli.eval.EvalCommand;
import dev.pathway.cli.model.ModelCommand;
import dev.pathway.cli.train.QuickstartCommand;
import dev.pathway.cli.train.TrainCommand;
import dev.pathway.core.util.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pathway} command: one subcommand group per module. */
@Command(
        name = "pathway",
        mixinStandardHelpOptions = true,
        versionProvider = PathwayCli.VersionProvider.class,
        description = "Circuits, IDF dials and fine-tuning for BERT cross-encoder rerankers.",
        subcommands = {
            ModelCommand.class,
            ScoreCommand.class,
            DataCommand.class,
            EvalCommand.class,
            EditCommand.class,
            CircuitsCommand.class,
            TrainCommand.class,
            QuickstartCommand.class,
            BenchCommand.class,
        })
public final class PathwayCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = {"-v", "--verbose"},
            scope = CommandLine.ScopeType.INHERIT,
            description = "Debug logging (read before logging starts).")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(Main.run(args));
    }

    /** Prints the tool version. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pathway " + Version.get()};
        }
    }
}
