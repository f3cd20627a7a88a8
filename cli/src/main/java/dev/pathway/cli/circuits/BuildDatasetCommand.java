package dev.pathway.cli.circuits;

import dev.pathway.circuits.data.BuildOptions;
import dev.pathway.circuits.data.DiagnosticKind;
import dev.pathway.circuits.run.BuildDatasetJob;
import dev.pathway.cli.options.OutputOption;
import dev.pathway.core.model.CrossEncoder;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway circuits build-dataset}. */
@Command(name = "build-dataset", mixinStandardHelpOptions = true,
        description = "Build diagnostic sets (TFC1, STMC1, TFC2, LNC1) from the paper's MS MARCO files or a BEIR data set, seeded.")
public final class BuildDatasetCommand implements Callable<Integer> {
    @Mixin
    ModelMixin model;

    @Mixin
    OutputOption output;

    @Option(names = "--source", defaultValue = "paper",
            description = "paper (the paper's MS MARCO files in the data mirror) or beir:NAME|DIR (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--paper-dir", paramLabel = "DIR", description = "Folder of the paper's files (default: <data mirror>/diagnostic).")
    Path paperDir;

    @Option(names = "--split", defaultValue = "test", description = "BEIR split whose judged documents are used (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--min-grade", defaultValue = "1", description = "BEIR: lowest qrels grade of a document (default: ${DEFAULT-VALUE}).")
    int minGrade;

    @Option(names = "--kinds", split = ",", defaultValue = "tfc1,stmc1,tfc2,lnc1", description = "Sets to build (default: ${DEFAULT-VALUE}).")
    List<String> kinds;

    @Option(names = "--queries", defaultValue = "0", description = "Queries to select, seeded; 0 = all eligible (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--docs-per-query", defaultValue = "0", description = "TFC1/STMC1 documents per query, seeded; 0 = all (default: ${DEFAULT-VALUE}).")
    int docsPerQuery;

    @Option(names = "--max-length", defaultValue = "512", description = "Documents are shortened so every variant fits (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--pronoun", defaultValue = "it", description = "Replaces the term in TFC2 and in LNC1 partner sentences (default: ${DEFAULT-VALUE}).")
    String pronoun;

    @Option(names = "--term-rule", defaultValue = "given",
            description = "given: the source's terms where it has them, else IDF; idf: always the highest-IDF single-piece query word (default: ${DEFAULT-VALUE}).")
    String termRule;

    @Option(names = "--term-idf",
            description = "IDF that chooses terms: msmarco, corpus (the BEIR set's corpus), corpus:NAME or table:FILE (default: msmarco for paper, corpus for beir).")
    String termIdf;

    @Option(names = "--seed", defaultValue = "13", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Set<DiagnosticKind> ks = EnumSet.noneOf(DiagnosticKind.class);
        kinds.forEach(k -> ks.add(DiagnosticKind.parse(k)));
        BuildOptions opt = new BuildOptions(seed, queries, docsPerQuery, maxLength, pronoun, termRule);
        Path dir = model.dir();
        try (CrossEncoder m = model.load(dir)) {
            Summaries.print(spec.commandLine().getOut(),
                    new BuildDatasetJob(source, paperDir, split, minGrade, termIdf, ks, opt, output.out, output.overwrite).run(m));
        }
        return 0;
    }
}
