package dev.pathway.eval.report;

import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Metric;
import dev.pathway.eval.stats.Comparisons;
import dev.pathway.eval.stats.Condition;
import dev.pathway.eval.stats.SeedSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The human-readable {@code report.md}, and the same tables as plain text for the terminal. Each
 * table names its averaging mode; the primary mode comes first.
 */
public final class MarkdownReport {
    private MarkdownReport() {}

    /** Averaging modes, primary first. */
    static List<Averaging> modes(Averaging primary) {
        List<Averaging> out = new ArrayList<>();
        out.add(primary);
        for (Averaging a : Averaging.values()) {
            if (a != primary) {
                out.add(a);
            }
        }
        return out;
    }

    public static String render(EvalReport r, String chartFile) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.title()).append("\n\n");
        if (r.dataSet() != null) {
            sb.append("- data set: **").append(r.dataSet().label()).append("**, split `").append(r.dataSet().split()).append("`");
            sb.append(r.dataSet().comparableWithPublished() ? "" : " (not comparable with published numbers)").append("\n");
            sb.append("- data from: ").append(r.dataSet().source()).append(" `").append(r.dataSet().directory()).append("`\n");
        }
        sb.append("- judgments: `").append(r.qrelsSource()).append("`\n");
        if (!r.command().isEmpty()) {
            sb.append("- command: `").append(r.command()).append("`\n");
        }
        r.settings().forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append("\n"));
        sb.append("\n");
        for (Averaging mode : modes(r.primary())) {
            sb.append("## Means, ").append(mode.label()).append(mode == r.primary() ? " (primary)" : "").append("\n\n");
            sb.append(mode.description()).append(".\n\n");
            sb.append(table(r, mode, true)).append("\n");
        }
        if (!r.comparisons().isEmpty()) {
            sb.append("## Paired comparisons (").append(r.primary().label()).append(")\n\n");
            sb.append("Per-query values averaged over each condition's seeds; two-sided paired t-test and ")
                    .append(r.randomization().name()).append("; Holm-Bonferroni across the comparisons of each metric.\n\n");
            sb.append("| metric | A | B | queries | mean A | mean B | B - A | p (t) | p (t, Holm) | p (rand.) | p (rand., Holm) |\n");
            sb.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Comparisons.Row row : r.comparisons()) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.4f | %.4f | %+.4f | %s | %s | %s | %s |%n", row.metric(), row.a(), row.b(),
                        row.queries(), row.meanA(), row.meanB(), row.difference(), p(row.pT()), p(row.pTHolm()), p(row.pRandomization()),
                        p(row.pRandomizationHolm())));
            }
            sb.append("\n");
        }
        sb.append("## Metric definitions\n\n");
        for (Metric m : r.metrics()) {
            sb.append("- `").append(m.name()).append("`: ").append(m.definition()).append("\n");
        }
        if (!r.notes().isEmpty()) {
            sb.append("\n## Notes\n\n");
            r.notes().forEach(n -> sb.append("- ").append(n).append("\n"));
        }
        if (chartFile != null) {
            sb.append("\n![metrics by condition](").append(chartFile).append(")\n");
        }
        return sb.toString();
    }

    /** The means table of one mode: markdown, or aligned text for the terminal. */
    public static String table(EvalReport r, Averaging mode, boolean markdown) {
        List<String> header = new ArrayList<>(List.of("condition", "seeds", "queries"));
        for (Metric m : r.metrics()) {
            header.add(m.name());
        }
        List<List<String>> rows = new ArrayList<>();
        for (Condition c : r.conditions()) {
            List<String> row = new ArrayList<>(List.of(c.name(), String.valueOf(c.runs().size()), String.valueOf(c.runs().get(0).queryCount(mode))));
            for (Metric m : r.metrics()) {
                SeedSummary s = c.summary(m.name(), mode);
                row.add(s.n() == 1 ? String.format(Locale.ROOT, "%.4f", s.mean())
                        : String.format(Locale.ROOT, "%.4f ± %.4f [%.4f, %.4f]", s.mean(), s.sd(), s.ciLow(), s.ciHigh()));
            }
            rows.add(row);
        }
        StringBuilder sb = new StringBuilder();
        if (markdown) {
            sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
            for (int i = 0; i < header.size(); i++) {
                sb.append(i < 1 ? "---|" : "---:|");
            }
            sb.append("\n");
            for (List<String> row : rows) {
                sb.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            boolean anySeeds = r.conditions().stream().anyMatch(c -> c.runs().size() > 1);
            if (anySeeds) {
                sb.append("\nCells with several seeds: mean ± sample sd [95% CI of the mean, Student t].\n");
            }
            return sb.toString();
        }
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> row : rows) {
                w[i] = Math.max(w[i], row.get(i).length());
            }
        }
        appendAligned(sb, header, w);
        for (List<String> row : rows) {
            appendAligned(sb, row, w);
        }
        return sb.toString();
    }

    private static void appendAligned(StringBuilder sb, List<String> cells, int[] w) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            sb.append(i == 0 ? String.format("%-" + w[i] + "s", c) : "  " + String.format("%" + w[i] + "s", c));
        }
        sb.append("\n");
    }

    private static String p(double v) {
        return v < 1e-4 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
