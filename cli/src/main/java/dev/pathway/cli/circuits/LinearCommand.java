package dev.pathway.cli.circuits;

import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.discover.Role;
import dev.pathway.circuits.linear.Candidates;
import dev.pathway.circuits.linear.DataSpec;
import dev.pathway.circuits.linear.LinearJob;
import dev.pathway.circuits.linear.SemanticBmOptions;
import dev.pathway.circuits.linear.TokenBm25;
import dev.pathway.circuits.run.HeadGroups;
import dev.pathway.cli.options.OutputOption;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway circuits linear}: SemanticBM, the linear approximation of the relevance circuit. */
@Command(name = "linear", mixinStandardHelpOptions = true,
        description = "SemanticBM: fit the cross-encoder's logits from -U0 (IDF) and the matching heads' attention to the document, per query "
                + "length, against token BM25 and random features (Table 2 of the paper).")
public final class LinearCommand implements Callable<Integer> {
    @Mixin
    ModelMixin model;

    @Mixin
    OutputOption output;

    @Option(names = "--circuit", paramLabel = "FILE", description = "circuit.json from 'circuits discover': its matching heads are used.")
    Path circuit;

    @Option(names = "--heads", paramLabel = "L.H,...", description = "Matching heads, e.g. 7.9,8.1,4.9 (instead of --circuit).")
    String heads;

    @Option(names = "--datasets", required = true, paramLabel = "NAME[:SPLIT],...",
            description = "Data sets: any name or BEIR folder eval resolves (cranfield, cisi, nfcorpus, ...), optionally with a split "
                    + "(cranfield:all), and 'diagnostic' (the paper's MS MARCO files).")
    String datasets;

    @Option(names = "--split", defaultValue = "test", description = "Split of a data set given without one (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--top-k", defaultValue = "10", description = "BM25 candidates per query (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--max-queries", defaultValue = "0", description = "At most this many queries per data set, seeded sample; 0 = all (default: ${DEFAULT-VALUE}).")
    int maxQueries;

    @Option(names = "--min-samples", defaultValue = "100", description = "Fit a query-length group only with at least this many pairs (default: ${DEFAULT-VALUE}).")
    int minSamples;

    @Option(names = "--max-query-length", defaultValue = "22", description = "Longest query in word pieces (default: ${DEFAULT-VALUE}, as the paper).")
    int maxQueryLength;

    @Option(names = "--test-fraction", defaultValue = "0.2", description = "Share of each group's queries held out (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--idf", defaultValue = "msmarco", description = "IDF for U0's rescaling and token BM25: msmarco, table:FILE, corpus:NAME (default: ${DEFAULT-VALUE}).")
    String idf;

    @Option(names = "--bm25-k1", defaultValue = "0.5", description = "Token BM25 k1 (default: ${DEFAULT-VALUE}, the paper's best).")
    double k1;

    @Option(names = "--bm25-b", defaultValue = "0.9", description = "Token BM25 b (default: ${DEFAULT-VALUE}, the paper's best).")
    double b;

    @Option(names = "--bm25-avgdl", defaultValue = "auto",
            description = "Average document length in tokens: 'auto' (from the data, per data set) or a number (the reference code: " + TokenBm25.PAPER_AVGDL + ") (default: ${DEFAULT-VALUE}).")
    String avgdl;

    @Option(names = "--bm25-grid-k1", split = ",", description = "k1 values of the grid search (default: 0.5,0.9,1.2,1.5,2.0).")
    List<Double> gridK1 = new ArrayList<>(SemanticBmOptions.DEFAULT_GRID_K1);

    @Option(names = "--bm25-grid-b", split = ",", description = "b values of the grid search (default: 0.25,0.4,0.5,0.75,0.9,1.0).")
    List<Double> gridB = new ArrayList<>(SemanticBmOptions.DEFAULT_GRID_B);

    @Option(names = "--paper-dir", paramLabel = "DIR", description = "Folder of the paper's diagnostic files (default: <data mirror>/diagnostic).")
    Path paperDir;

    @Option(names = "--seed", defaultValue = "13", description = "Seed of the query sample, the splits and the random features (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-length", defaultValue = "512", description = "Maximum input length; documents are truncated (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--batch-size", defaultValue = "16", description = "Pairs per forward pass (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if ((heads == null || heads.isBlank()) && circuit == null) {
            throw new UserInputException("give the matching heads: --circuit circuit.json or --heads L.H,...");
        }
        if (heads != null && !heads.isBlank() && circuit != null) {
            throw new UserInputException("give either --circuit or --heads, not both");
        }
        if (circuit != null && !Files.isRegularFile(circuit)) {
            throw new UserInputException("circuit file not found: " + circuit.toAbsolutePath());
        }
        List<DataSpec> specs = DataSpec.parseList(datasets);
        SemanticBmOptions opts = new SemanticBmOptions(minSamples, maxQueryLength, testFraction, seed, k1, b, parseAvgdl(avgdl), gridK1, gridB);
        Path dir = model.dir();
        try (CrossEncoder ce = model.load(dir)) {
            List<HeadId> hs = HeadGroups.resolve(heads, circuit, Role.MATCHING, ce.config());
            String from = circuit != null ? circuit.toAbsolutePath().normalize() + " (role matching)" : "--heads";
            Candidates cands = new Candidates(ce.tokenizer(), maxLength, topK, maxQueries, split, seed, paperDir);
            LinearJob job = new LinearJob(hs, from, specs, cands, idf, opts, batchSize, output.out, output.overwrite);
            Summaries.print(spec.commandLine().getOut(), job.run(ce, dir));
        }
        return 0;
    }

    static double parseAvgdl(String s) {
        if (s.trim().equalsIgnoreCase("auto")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s.trim());
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserInputException("--bm25-avgdl must be 'auto' or a number > 0, got '" + s + "'");
        }
    }
}
