package dev.pathway.eval.report;

import dev.pathway.eval.metrics.Metric;
import dev.pathway.eval.stats.Condition;
import dev.pathway.eval.stats.SeedSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A PNG bar chart of each metric (x) by condition (one bar series each), bar height = mean across
 * seeds under the primary averaging mode, error bar = sample standard deviation across seeds (none
 * for a single seed).
 */
public final class BarChart {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private BarChart() {}

    public static void write(EvalReport r, Path png) throws IOException {
        String subtitle = r.dataSet() == null ? r.qrelsSource() : r.dataSet().name() + " " + r.dataSet().split();
        CategoryChart chart = new CategoryChartBuilder()
                .width(200 + 140 * r.metrics().size() * Math.max(1, r.conditions().size()) / 2)
                .height(480)
                .title(r.title().contains(subtitle) ? r.title() : r.title() + " — " + subtitle)
                .xAxisTitle("metric (" + r.primary().label() + ")")
                .yAxisTitle("mean ± sd across seeds")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
        chart.getStyler().setLabelsVisible(false);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> x = new ArrayList<>();
        for (Metric m : r.metrics()) {
            x.add(m.name());
        }
        double max = 0;
        for (Condition c : r.conditions()) {
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (Metric m : r.metrics()) {
                SeedSummary s = c.summary(m.name(), r.primary());
                y.add(s.mean());
                double e = Double.isFinite(s.sd()) ? s.sd() : 0.0;
                err.add(e);
                max = Math.max(max, s.mean() + e);
            }
            chart.addSeries(c.name(), x, y, err);
        }
        chart.getStyler().setYAxisMax(max <= 0 ? 1.0 : Math.min(1.0, max * 1.15));
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

}
