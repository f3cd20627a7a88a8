package dev.pathway.editing.chart;

import dev.pathway.core.util.UserInputException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts (XChart, headless), written atomically. */
public final class Charts {
    private Charts() {}

    /** One line of a line chart, with optional error bars (null for none). */
    public record Line(String name, double[] x, double[] y, double[] error) {}

    /** A scatter plot of many points (e.g. U0 against IDF). */
    public static void scatter(Path png, String title, String xTitle, String yTitle, double[] x, double[] y) {
        XYChart chart = base(title, xTitle, yTitle, 900, 650);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setLegendVisible(false);
        XYSeries s = chart.addSeries("tokens", x, y);
        s.setMarkerColor(new Color(31, 119, 180, 60));
        s.setMarker(SeriesMarkers.CIRCLE);
        write(chart, png);
    }

    /** A line chart with markers, one series per line (e.g. score against edit scale). */
    public static void lines(Path png, String title, String xTitle, String yTitle, List<Line> lines, boolean logX) {
        write(lineChart(title, xTitle, yTitle, lines, logX), png);
    }

    /** A line chart with markers, to write alone or stacked with others. */
    public static XYChart lineChart(String title, String xTitle, String yTitle, List<Line> lines, boolean logX) {
        XYChart chart = base(title, xTitle, yTitle, 900, 500);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        for (Line l : lines) {
            XYSeries s = l.error() == null ? chart.addSeries(l.name(), l.x(), l.y()) : chart.addSeries(l.name(), l.x(), l.y(), l.error());
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** Several charts one above the other in one PNG (like a figure with panels). */
    public static void stacked(Path png, List<XYChart> charts) {
        panels(png, charts, 1);
    }

    /** Charts as panels of a grid, {@code columns} per row, left to right then top to bottom. */
    public static void panels(Path png, List<XYChart> charts, int columns) {
        List<BufferedImage> images = charts.stream().map(BitmapEncoder::getBufferedImage).toList();
        int cw = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int ch = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        int rows = (images.size() + columns - 1) / columns;
        BufferedImage all = new BufferedImage(cw * Math.min(columns, images.size()), ch * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), (i % columns) * cw, (i / columns) * ch, null);
        }
        g.dispose();
        writeImage(all, png);
    }

    private static XYChart base(String title, String xTitle, String yTitle, int w, int h) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(w).height(h).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    /** Writes a chart as PNG through a temporary file in the same directory, then one rename. */
    public static void write(Chart<?, ?> chart, Path png) {
        writeImage(BitmapEncoder.getBufferedImage(chart), png);
    }

    private static void writeImage(BufferedImage image, Path png) {
        Path abs = png.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer");
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + abs + ": " + e.getMessage(), e);
        }
    }
}
