package dev.pathway.cli.circuits;

import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.discover.Role;
import dev.pathway.circuits.run.AnalyzeJob;
import dev.pathway.circuits.run.HeadGroups;
import dev.pathway.cli.options.OutputOption;
import dev.pathway.core.model.CrossEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway circuits analyze}. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Head analyses: (a) attention vs embedding cosine, (b) [CLS]->query attention vs IDF, (c) TFC2 saturation and LNC1 length curves.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    ModelMixin model;

    @Mixin
    OutputOption output;

    @Option(names = "--cosine", paramLabel = "FILE", description = "(a) on this diagnostic JSONL (e.g. tfc1.jsonl).")
    Path cosine;

    @Option(names = "--idf-data", paramLabel = "FILE", description = "(b) on this diagnostic JSONL.")
    Path idfData;

    @Option(names = "--idf", defaultValue = "msmarco", description = "IDF for (b): msmarco, table:FILE or corpus:NAME (default: ${DEFAULT-VALUE}).")
    String idf;

    @Option(names = "--tfc2", paramLabel = "FILE", description = "(c) saturation curves on this TFC2 JSONL.")
    Path tfc2;

    @Option(names = "--lnc1", paramLabel = "FILE", description = "(c) length curves on this LNC1 JSONL.")
    Path lnc1;

    @Option(names = "--circuit", paramLabel = "FILE", description = "circuit.json: its matching and scoring heads form the groups.")
    Path circuit;

    @Option(names = "--matching-heads", description = "Matching heads (instead of --circuit), e.g. 1.7,4.9.")
    String matchingHeads;

    @Option(names = "--scoring-heads", description = "Scoring heads (instead of --circuit), e.g. 5.1.")
    String scoringHeads;

    @Option(names = "--samples", defaultValue = "200", description = "Samples per analysis, seeded; 0 = all (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "13", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-length", defaultValue = "512", description = "Maximum input length (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = model.dir();
        try (CrossEncoder m = model.load(dir)) {
            List<HeadId> matching = groupOrNull(matchingHeads, Role.MATCHING, m);
            List<HeadId> scoring = groupOrNull(scoringHeads, Role.SCORING, m);
            AnalyzeJob job = new AnalyzeJob(cosine, idfData, idf, tfc2, lnc1, samples, seed, maxLength, matching, scoring, output.out,
                    output.overwrite);
            Summaries.print(spec.commandLine().getOut(), job.run(m, dir));
        }
        return 0;
    }

    private List<HeadId> groupOrNull(String explicit, Role role, CrossEncoder m) {
        if (explicit == null && circuit != null) {
            List<HeadId> hs = dev.pathway.circuits.discover.Circuit.read(circuit).headsWithRole(role);
            return hs.isEmpty() ? null : hs;
        }
        return HeadGroups.resolve(explicit, null, role, m.config());
    }
}
