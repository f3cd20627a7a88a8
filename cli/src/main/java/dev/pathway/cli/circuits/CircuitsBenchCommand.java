package dev.pathway.cli.circuits;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.align.LengthEqualizer;
import dev.pathway.circuits.bench.PathPatchBench;
import dev.pathway.circuits.data.BuildOptions;
import dev.pathway.circuits.data.DataMirror;
import dev.pathway.circuits.data.DatasetBuilder;
import dev.pathway.circuits.data.DiagnosticKind;
import dev.pathway.circuits.data.DiagnosticSample;
import dev.pathway.circuits.data.PaperDiagnosticFiles;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway bench circuits}: a full path-patching sweep of every head against the naive cost. */
@Command(name = "circuits", mixinStandardHelpOptions = true,
        description = "Path-patching sweep of all heads to the logits over TFC1 pairs of the paper's files: pair-heads/s and the ratio to"
                + " the naive cost (senders x one full forward of the pairs); target <= 0.6.")
public final class CircuitsBenchCommand implements Callable<Integer> {
    @Mixin
    ModelMixin model;

    @Option(names = "--pairs", defaultValue = "100", description = "TFC1 pairs, one per query, seeded (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--max-length", defaultValue = "512", description = "Maximum input length (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--batch-rows", defaultValue = "32", description = "Rows per forward, for the sweep and the plain forward (default: ${DEFAULT-VALUE}).")
    int batchRows;

    @Option(names = "--literal-pairs", defaultValue = "3",
            description = "Pairs timed with the literal one-sender-per-forward algorithm, scaled up; 0 = skip (default: ${DEFAULT-VALUE}).")
    int literalPairs;

    @Option(names = "--seed", defaultValue = "13", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--paper-dir", paramLabel = "DIR", description = "Folder of the paper's files (default: <data mirror>/diagnostic).")
    Path paperDir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (pairs < 1 || pairs > 100) {
            throw new UserInputException("--pairs must be 1..100 (one TFC1 pair per query of the paper's 100)");
        }
        Path dir = model.dir();
        try (CrossEncoder m = model.load(dir)) {
            BuildOptions opt = new BuildOptions(seed, pairs, 1, maxLength, "it", "given");
            DatasetBuilder.Result r = DatasetBuilder.build(PaperDiagnosticFiles.load(paperDir != null ? paperDir : DataMirror.paperDiagnostic()),
                    m, opt, EnumSet.of(DiagnosticKind.TFC1), w -> 0);
            LengthEqualizer eq = new LengthEqualizer(m.tokenizer(), maxLength, "a");
            List<AlignedPair> ps = new ArrayList<>();
            for (DiagnosticSample s : r.sets().get(DiagnosticKind.TFC1)) {
                ps.add(eq.align(s, 1));
            }
            PathPatchBench.Result b = PathPatchBench.run(m, ps, batchRows, literalPairs);
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "pathway bench circuits: %s (%d layers x %d heads), %d TFC1 pairs (paper files), mean length %.1f tokens,"
                    + " device %s, %d CPU threads visible%n", dir.getFileName(), m.config().numLayers(), m.config().numHeads(), b.pairs(),
                    b.meanLength(), m.device(), Runtime.getRuntime().availableProcessors());
            o.printf(Locale.ROOT, "%-58s %10s %14s %10s%n", "", "seconds", "pair-heads/s", "vs naive");
            o.printf(Locale.ROOT, "%-58s %10.2f %14s %10s%n", "one plain forward of the pairs (batches of " + batchRows + ")", b.forward(), "", "");
            o.printf(Locale.ROOT, "%-58s %10.2f %14.1f %10.2f%n", "naive: " + b.senders() + " senders x that forward", b.naive(),
                    b.pairs() * b.senders() / b.naive(), 1.0);
            o.printf(Locale.ROOT, "%-58s %10.2f %14.1f %10.3f%n", "pathway sweep: batched senders, prefix reuse, frozen layers", b.sweep(),
                    b.pairHeadsPerSecond(), b.ratio());
            if (!Double.isNaN(b.literal())) {
                o.printf(Locale.ROOT, "%-58s %10.2f %14.1f %10.2f%n", "literal: one sender per forward, batch 1 (" + b.literalPairs()
                        + " pairs, scaled)", b.literal(), b.pairs() * b.senders() / b.literal(), b.literal() / b.naive());
            }
            o.printf(Locale.ROOT, "ratio sweep / naive = %.3f (target <= 0.6): %s%n", b.ratio(), b.ratio() <= 0.6 ? "met" : "NOT met");
            o.flush();
        }
        return 0;
    }
}
