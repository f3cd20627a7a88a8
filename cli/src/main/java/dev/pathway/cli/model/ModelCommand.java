package dev.pathway.cli.model;

import picocli.CommandLine.Command;

/** {@code pathway model ...}: import, fetch and inspect checkpoints. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Import, fetch and inspect cross-encoder checkpoints.",
        subcommands = {ImportOnnxCommand.class, FetchCommand.class, InfoCommand.class})
public final class ModelCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: import-onnx, fetch or info");
    }
}
