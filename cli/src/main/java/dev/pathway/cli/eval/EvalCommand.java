package dev.pathway.cli.eval;

import picocli.CommandLine.Command;

/** {@code pathway eval ...}: BM25 runs, reranking, comparisons across runs and seeds, the benchmark. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate: BM25 first stage, cross-encoder reranking, paired comparisons of runs, throughput benchmark.",
        subcommands = {Bm25Command.class, RerankCommand.class, CompareCommand.class, ShuffleCommand.class, BenchCommand.class})
public final class EvalCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: bm25, rerank, compare or bench");
    }
}
