package dev.pathway.cli.eval;

import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluation;
import dev.pathway.eval.report.EvalReport;
import dev.pathway.eval.report.MarkdownReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** What the eval commands share: data set labels, notes, the printed summary. */
final class EvalSupport {
    private EvalSupport() {}

    static EvalReport.DataSetInfo info(DataSet ds, String split) {
        return new EvalReport.DataSetInfo(ds.name(), ds.variant(), split, ds.source().name().toLowerCase(Locale.ROOT),
                ds.directory().toString(), ds.corpusSha256(), ds.comparableWithPublished());
    }

    /** The command line as typed (for reports). */
    static String command(CommandLine.Model.CommandSpec spec) {
        List<String> parts = new ArrayList<>();
        for (CommandLine c = spec.commandLine(); c != null; c = c.getParent()) {
            parts.add(0, c.getCommandName());
        }
        CommandLine root = spec.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        List<String> args = root.getParseResult() == null ? List.of() : root.getParseResult().originalArgs();
        return "pathway " + String.join(" ", args.isEmpty() ? parts.subList(1, parts.size()) : args);
    }

    /** Notes about the queries an evaluation averaged. */
    static List<String> notes(String what, Evaluation e) {
        List<String> out = new ArrayList<>();
        List<String> missing = e.missingFromRun();
        if (!missing.isEmpty()) {
            out.add(what + ": " + missing.size() + " of " + e.queryCount(Averaging.ALL_QRELS)
                    + " judged queries retrieved nothing (e.g. " + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                    + "); they score 0 under all-qrels and are left out of run-and-qrels means");
        }
        if (e.ignoredRunQueries() > 0) {
            out.add(what + ": " + e.ignoredRunQueries() + " run queries have no judgments in this split and were ignored (as trec_eval does)");
        }
        return out;
    }

    /** Prints the data set, both averaging tables (primary first) and the notes. */
    static void print(PrintWriter out, EvalReport r) {
        if (r.dataSet() != null) {
            out.println("data set  " + r.dataSet().label() + ", split " + r.dataSet().split()
                    + (r.dataSet().comparableWithPublished() || r.dataSet().variant().contains("comparable") ? "" : "  [not comparable with published numbers]"));
        }
        out.println("qrels     " + r.qrelsSource());
        for (Averaging a : List.of(r.primary(), r.primary() == Averaging.RUN_AND_QRELS ? Averaging.ALL_QRELS : Averaging.RUN_AND_QRELS)) {
            out.println();
            out.println("averaging " + a.label() + (a == r.primary() ? " (primary)" : "") + ": " + a.description());
            out.print(MarkdownReport.table(r, a, false));
        }
        for (String n : r.notes()) {
            out.println("note: " + n);
        }
    }
}
