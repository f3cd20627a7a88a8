package dev.pathway.cli.eval;

import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.data.Qrels;
import dev.pathway.eval.data.QrelsFiles;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.RunFiles;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluation;
import dev.pathway.eval.metrics.Evaluator;
import dev.pathway.eval.metrics.Metric;
import dev.pathway.eval.report.EvalReport;
import dev.pathway.eval.report.ReportWriter;
import dev.pathway.eval.stats.Comparisons;
import dev.pathway.eval.stats.Condition;
import dev.pathway.eval.stats.RandomizationTest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathway eval compare}: evaluate runs, group them into conditions (several seeds each),
 * summarise across seeds and test each condition against the first with paired tests.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Evaluate TREC runs against judgments; with --condition, group runs (seeds) into conditions, report mean, sd,"
                + " per-seed values and 95% CI, and test conditions with a paired t-test and a randomization test, Holm-corrected."
                + " Writes results.json, report.md, chart.png.")
public final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", arity = "0..*", description = "TREC run files, one condition each (named by file).")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--condition", paramLabel = "NAME=RUN[,RUN...]",
            description = "A condition and its runs (one per seed); repeat for several. The first condition is the baseline.")
    List<String> conditions = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Judgments judgments;

    static final class Judgments {
        @Option(names = "--qrels", description = "Judgments: BEIR TSV (with header) or TREC qrels.")
        Path qrels;

        @ArgGroup(exclusive = false)
        DataSetOptions data;
    }

    @Mixin
    MetricOptions metricOptions;

    @Option(names = "--out", description = "Output folder, written atomically (default: runs/compare).")
    Path out;

    @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
    boolean overwrite;

    @Option(names = "--permutations", defaultValue = "10000", description = "Randomization-test permutations, at least 10000 (default: ${DEFAULT-VALUE}).")
    int permutations;

    @Option(names = "--seed", defaultValue = "42", description = "Randomization-test seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--all-pairs", description = "Compare every pair of conditions, not only each against the first.")
    boolean allPairs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static int checkPermutations(int n) {
        if (n < RandomizationTest.DEFAULT_PERMUTATIONS) {
            throw new UserInputException("--permutations must be at least " + RandomizationTest.DEFAULT_PERMUTATIONS + ", got " + n);
        }
        return n;
    }

    @Override
    public Integer call() {
        List<Metric> metrics = metricOptions.metrics();
        Averaging mode = metricOptions.averaging();
        RandomizationTest randomization = new RandomizationTest(checkPermutations(permutations), seed);
        Map<String, List<Path>> groups = groups();
        Path target = out != null ? out : ProjectPaths.root().resolve("runs").resolve("compare");
        AtomicDirectory.checkTarget(target, overwrite);
        DataSet ds = null;
        Qrels qrels;
        if (judgments.qrels != null) {
            qrels = QrelsFiles.read(judgments.qrels);
        } else {
            ds = DataSets.resolve(judgments.data.dataset);
            qrels = ds.qrels(judgments.data.split);
        }
        List<Condition> conds = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, List<Path>> g : groups.entrySet()) {
            List<Evaluation> evals = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (Path p : g.getValue()) {
                Run run = RunFiles.read(p);
                if (ds != null) {
                    RunFiles.requireKnownQueries(run, ds.queries(), p.toString(), ds.name());
                }
                Evaluation e = Evaluator.evaluate(run, qrels, metrics);
                evals.add(e);
                labels.add(p.toString());
                notes.addAll(EvalSupport.notes(p.getFileName().toString(), e));
            }
            conds.add(new Condition(g.getKey(), evals, labels));
        }
        List<Comparisons.Row> rows = Comparisons.compare(conds, metrics, mode, randomization, allPairs);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("baseline", conds.get(0).name());
        settings.put("comparisons", allPairs ? "all pairs" : "each condition against the baseline");
        EvalReport report = new EvalReport("Comparison of " + conds.size() + " condition" + (conds.size() == 1 ? "" : "s"),
                EvalSupport.command(spec), ds == null ? null : EvalSupport.info(ds, judgments.data.split), qrels.source(), metrics, mode,
                conds, rows, conds.size() > 1 ? randomization : null, settings, notes);
        AtomicDirectory.write(target, overwrite, dir -> ReportWriter.write(report, dir));
        PrintWriter pw = spec.commandLine().getOut();
        EvalSupport.print(pw, report);
        printComparisons(pw, rows, mode);
        pw.println("wrote " + target.toAbsolutePath());
        return 0;
    }

    /** Conditions from --condition, then one per positional run (named by its file name). */
    private Map<String, List<Path>> groups() {
        Map<String, List<Path>> out = new LinkedHashMap<>();
        for (String c : conditions) {
            int eq = c.indexOf('=');
            if (eq <= 0 || eq == c.length() - 1) {
                throw new UserInputException("--condition '" + c + "' must look like NAME=run1.trec,run2.trec");
            }
            List<Path> paths = new ArrayList<>();
            for (String p : c.substring(eq + 1).split(",")) {
                if (!p.isBlank()) {
                    paths.add(Paths.get(p.trim()));
                }
            }
            if (out.put(c.substring(0, eq), paths) != null) {
                throw new UserInputException("--condition '" + c.substring(0, eq) + "' is given twice");
            }
        }
        for (Path p : runs) {
            String name = p.getFileName().toString();
            if (out.put(name, List.of(p)) != null) {
                throw new UserInputException("two conditions are named '" + name + "'; use --condition NAME=FILE");
            }
        }
        if (out.isEmpty()) {
            throw new UserInputException("no runs given (RUN files or --condition NAME=RUN,...)");
        }
        return out;
    }

    static void printComparisons(PrintWriter out, List<Comparisons.Row> rows, Averaging mode) {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("paired comparisons (" + mode.label() + "; Holm-Bonferroni per metric):");
        out.printf("%-10s %-22s %-22s %7s %8s %10s %10s %10s %10s%n", "metric", "A", "B", "queries", "B - A", "p(t)", "p(t,Holm)", "p(rand)", "p(rand,Holm)");
        for (Comparisons.Row r : rows) {
            out.printf(Locale.ROOT, "%-10s %-22s %-22s %7d %+8.4f %10.4g %10.4g %10.4g %10.4g%n", r.metric(), r.a(), r.b(), r.queries(),
                    r.difference(), r.pT(), r.pTHolm(), r.pRandomization(), r.pRandomizationHolm());
        }
    }
}
