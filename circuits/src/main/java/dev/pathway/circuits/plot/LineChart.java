package dev.pathway.circuits.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line charts as PNG through XChart (saturation and length curves). */
public final class LineChart {
    private LineChart() {}

    /** One line. */
    public record Series(String name, double[] x, double[] y) {}

    public static void write(Path png, String title, String xLabel, String yLabel, List<Series> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        for (Series s : series) {
            double[] y = s.y().clone();
            for (int i = 0; i < y.length; i++) {
                if (Double.isNaN(y[i])) {
                    y[i] = 0;
                }
            }
            chart.addSeries(s.name(), s.x(), y).setMarker(SeriesMarkers.CIRCLE);
        }
        String file = png.toString();
        BitmapEncoder.saveBitmap(chart, file.endsWith(".png") ? file.substring(0, file.length() - 4) : file, BitmapEncoder.BitmapFormat.PNG);
    }
}
