package dev.pathway.circuits.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Scatter plots as PNG through XChart, with an optional y = x reference line. */
public final class ScatterChart {
    private ScatterChart() {}

    /** One set of points. */
    public record Series(String name, double[] x, double[] y) {}

    public static void write(Path png, String title, String xLabel, String yLabel, List<Series> series, boolean identityLine)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(720).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (s.x().length == 0) {
                continue;
            }
            chart.addSeries(s.name(), s.x(), s.y()).setMarker(SeriesMarkers.CIRCLE);
            for (int i = 0; i < s.x().length; i++) {
                lo = Math.min(lo, Math.min(s.x()[i], s.y()[i]));
                hi = Math.max(hi, Math.max(s.x()[i], s.y()[i]));
            }
        }
        if (identityLine && lo < hi) {
            XYSeries line = chart.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(java.awt.Color.GRAY);
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no points", new double[] {0}, new double[] {0});
        }
        String file = png.toString();
        BitmapEncoder.saveBitmap(chart, file.endsWith(".png") ? file.substring(0, file.length() - 4) : file, BitmapEncoder.BitmapFormat.PNG);
    }
}
