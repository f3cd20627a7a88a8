package dev.pathway.cli.circuits;

import picocli.CommandLine.Command;

/** {@code pathway circuits ...}: diagnostic sets, patching, circuit discovery, ablation, head analyses. */
@Command(
        name = "circuits",
        mixinStandardHelpOptions = true,
        description = "Find the heads that compute relevance: diagnostic data sets, activation and path patching, discovery, ablation, analyses.",
        subcommands = {BuildDatasetCommand.class, PatchCommand.class, PathPatchCommand.class, DiscoverCommand.class, AblateCommand.class,
            AnalyzeCommand.class, LinearCommand.class, RunRecipeCommand.class})
public final class CircuitsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand: build-dataset, patch, path-patch, discover, ablate, analyze, linear or run");
    }
}
