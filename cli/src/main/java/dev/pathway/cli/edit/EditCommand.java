package dev.pathway.cli.edit;

import picocli.CommandLine.Command;

/** {@code pathway edit ...}: embedding SVD, U0 vs IDF, IDF dials, alignment, down-weighting. */
@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        description = "Edit the IDF a cross-encoder encodes in its word embeddings (top singular vector U0).",
        subcommands = {IdfCorrelateCommand.class, ScaleIdfCommand.class, IdfCausalCommand.class, AlignIdfCommand.class, DownweightCommand.class})
public final class EditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand: idf-correlate, scale-idf, idf-causal, align-idf or downweight");
    }
}
