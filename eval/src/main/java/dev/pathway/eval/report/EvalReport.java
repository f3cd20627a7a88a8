package dev.pathway.eval.report;

import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Metric;
import dev.pathway.eval.stats.Comparisons;
import dev.pathway.eval.stats.Condition;
import dev.pathway.eval.stats.RandomizationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one evaluation reports: what was evaluated (data set variant, split), how
 * (metrics, averaging mode, settings), the conditions with their seeds, paired comparisons and
 * notes. {@link ReportWriter} turns it into {@code results.json}, {@code report.md} and a chart.
 */
public final class EvalReport {
    /** The data set as reports name it. */
    public record DataSetInfo(String name, String variant, String split, String source, String directory,
            String corpusSha256, boolean comparableWithPublished) {
        public String label() {
            return name + " (" + variant + ")";
        }
    }

    private final String title;
    private final String command;
    private final DataSetInfo dataSet;
    private final String qrelsSource;
    private final List<Metric> metrics;
    private final Averaging primary;
    private final List<Condition> conditions;
    private final List<Comparisons.Row> comparisons;
    private final RandomizationTest randomization;
    private final Map<String, Object> settings;
    private final List<String> notes;

    public EvalReport(String title, String command, DataSetInfo dataSet, String qrelsSource, List<Metric> metrics,
            Averaging primary, List<Condition> conditions, List<Comparisons.Row> comparisons, RandomizationTest randomization,
            Map<String, Object> settings, List<String> notes) {
        this.title = title;
        this.command = command;
        this.dataSet = dataSet;
        this.qrelsSource = qrelsSource;
        this.metrics = List.copyOf(metrics);
        this.primary = primary;
        this.conditions = List.copyOf(conditions);
        this.comparisons = List.copyOf(comparisons);
        this.randomization = randomization;
        this.settings = new LinkedHashMap<>(settings);
        this.notes = new ArrayList<>(notes);
    }

    public String title() {
        return title;
    }

    public String command() {
        return command;
    }

    /** The data set, or null when only a qrels file was given. */
    public DataSetInfo dataSet() {
        return dataSet;
    }

    public String qrelsSource() {
        return qrelsSource;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public Averaging primary() {
        return primary;
    }

    public List<Condition> conditions() {
        return conditions;
    }

    public List<Comparisons.Row> comparisons() {
        return comparisons;
    }

    /** The randomization test used for comparisons, or null when there are none. */
    public RandomizationTest randomization() {
        return randomization;
    }

    public Map<String, Object> settings() {
        return settings;
    }

    public List<String> notes() {
        return notes;
    }
}
