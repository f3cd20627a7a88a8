package dev.pathway.cli.data;

import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.Json;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.data.DataStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pathway data stats NAME}: documents, queries per split, judgments per grade, mean document length. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Counts of a data set: documents, mean length (words; word pieces with --tokenizer), queries and judgments per split and grade.")
public final class StatsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DATASET", description = "Data set name or BEIR folder.")
    String dataset;

    @Option(names = "--tokenizer", description = "tokenizer.json, or a checkpoint folder holding one: mean length in its word pieces.")
    Path tokenizer;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DataSet ds = DataSets.resolve(dataset);
        DataStats s;
        if (tokenizer != null) {
            try (PairTokenizer tok = PairTokenizer.load(tokenizer)) {
                s = DataStats.compute(ds, tok);
            }
        } else {
            s = DataStats.compute(ds, null);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(s));
            return 0;
        }
        out.println("data set    " + s.dataSet());
        out.println("from        " + ds.source().name().toLowerCase(Locale.ROOT) + " " + ds.directory());
        out.printf(Locale.ROOT, "documents   %,d%n", s.documents());
        out.printf(Locale.ROOT, "mean length %.1f words (title + text)%n", s.meanWords());
        if (s.tokenizer() != null) {
            out.printf(Locale.ROOT, "            %.1f word pieces (%s)%n", s.meanTokens(), s.tokenizer());
        }
        out.printf(Locale.ROOT, "queries     %,d in %s%n", s.queries(), ds.queriesFile().getFileName());
        out.printf("%-8s %8s %10s %14s  %s%n", "split", "queries", "judgments", "no relevant", "judgments per grade");
        for (Map.Entry<String, DataStats.SplitStats> e : s.splits().entrySet()) {
            DataStats.SplitStats x = e.getValue();
            StringBuilder grades = new StringBuilder();
            x.perGrade().forEach((g, n) -> grades.append(grades.length() == 0 ? "" : ", ").append(g).append(": ").append(String.format(Locale.ROOT, "%,d", n)));
            out.printf(Locale.ROOT, "%-8s %,8d %,10d %,14d  %s%n", e.getKey(), x.queries(), x.judgments(), x.queriesWithoutRelevant(), grades);
        }
        return 0;
    }
}
