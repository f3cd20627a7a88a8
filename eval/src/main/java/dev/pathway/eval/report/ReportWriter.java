package dev.pathway.eval.report;

import dev.pathway.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an {@link EvalReport} into a folder: {@code results.json}, {@code report.md}, {@code chart.png}. */
public final class ReportWriter {
    public static final String RESULTS = "results.json";
    public static final String REPORT = "report.md";
    public static final String CHART = "chart.png";

    private ReportWriter() {}

    /** Writes the three files into {@code dir} (which the caller makes atomic, e.g. with AtomicDirectory). */
    public static void write(EvalReport r, Path dir) throws IOException {
        Json.write(dir.resolve(RESULTS), ResultsJson.toJson(r));
        BarChart.write(r, dir.resolve(CHART));
        Files.writeString(dir.resolve(REPORT), MarkdownReport.render(r, CHART));
    }
}
