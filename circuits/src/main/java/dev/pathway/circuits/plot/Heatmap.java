package dev.pathway.circuits.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Heatmaps as PNG, drawn with Java2D: one or more panels (e.g. one per component) that share a
 * diverging colour scale centred on 0 (blue negative, white 0, red positive), labelled axes, a
 * colour bar with its numbers, and the value written in each cell when cells are large enough.
 * Empty cells (NaN) are grey.
 */
public final class Heatmap {
    private static final Color NAN = new Color(0xD0D0D0);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private Heatmap() {}

    /** One panel: values[row][col] with labels. */
    public record Panel(String title, double[][] values, List<String> rowLabels, List<String> colLabels) {}

    /**
     * @param scaleLabel what the colour means, e.g. "m (mean over pairs)"
     * @param limit the colour scale spans [-limit, limit]; NaN: the largest |value|
     */
    public static void write(Path png, String title, List<Panel> panels, String xLabel, String yLabel, String scaleLabel, double limit)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        double lim = limit;
        if (Double.isNaN(lim)) {
            lim = 0;
            for (Panel p : panels) {
                for (double[] row : p.values()) {
                    for (double v : row) {
                        if (!Double.isNaN(v)) {
                            lim = Math.max(lim, Math.abs(v));
                        }
                    }
                }
            }
            if (lim == 0) {
                lim = 1;
            }
        }
        int cols = panels.get(0).colLabels().size();
        int cellW = clamp(900 / Math.max(1, cols), 6, 48);
        int maxRows = panels.stream().mapToInt(p -> p.rowLabels().size()).max().orElse(1);
        int cellH = clamp(420 / Math.max(1, maxRows), 10, 36);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics tm = pg.getFontMetrics(TICK);
        int rowLabelW = 0;
        for (Panel p : panels) {
            for (String s : p.rowLabels()) {
                rowLabelW = Math.max(rowLabelW, tm.stringWidth(s));
            }
        }
        int colLabelW = 0;
        for (String s : panels.get(0).colLabels()) {
            colLabelW = Math.max(colLabelW, tm.stringWidth(s));
        }
        boolean rotate = colLabelW + 4 > cellW;
        int colLabelH = rotate ? colLabelW + 8 : tm.getHeight() + 6;
        int left = 40 + rowLabelW + 8;
        int panelTitleH = panels.size() > 1 || !panels.get(0).title().isEmpty() ? 20 : 0;
        int gridW = cols * cellW;
        int barX = left + gridW + 24;
        int width = Math.max(barX + 20 + 70 + 20, 560);
        List<String> titleLines = wrap(title, pg.getFontMetrics(TITLE), width - 20);
        pg.dispose();
        int top = 22 + 18 * titleLines.size();
        int height = top;
        for (Panel p : panels) {
            height += panelTitleH + p.rowLabels().size() * cellH + colLabelH + 10;
        }
        height += 30;
        BufferedImage img = new BufferedImage(width, Math.max(height, 260), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        for (int i = 0; i < titleLines.size(); i++) {
            g.drawString(titleLines.get(i), 10, 22 + 18 * i);
        }

        int y = top;
        boolean annotate = cellW >= 34 && cellH >= 16;
        for (Panel p : panels) {
            g.setFont(LABEL);
            g.setColor(Color.BLACK);
            if (panelTitleH > 0) {
                g.drawString(p.title(), left, y + 14);
                y += panelTitleH;
            }
            int rows = p.rowLabels().size();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double v = p.values()[r][c];
                    g.setColor(Double.isNaN(v) ? NAN : color(v / lim));
                    g.fillRect(left + c * cellW, y + r * cellH, cellW, cellH);
                    if (annotate && !Double.isNaN(v)) {
                        g.setFont(TICK);
                        g.setColor(Math.abs(v / lim) > 0.6 ? Color.WHITE : Color.BLACK);
                        String s = String.format(Locale.ROOT, "%.2f", v);
                        int sw = g.getFontMetrics().stringWidth(s);
                        g.drawString(s, left + c * cellW + (cellW - sw) / 2, y + r * cellH + cellH / 2 + 4);
                    }
                }
            }
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(left, y, gridW, rows * cellH);
            g.setColor(Color.BLACK);
            g.setFont(TICK);
            FontMetrics fm = g.getFontMetrics();
            int rowStep = Math.max(1, (int) Math.ceil((fm.getHeight() - 2) / (double) cellH));
            for (int r = 0; r < rows; r += rowStep) {
                String s = p.rowLabels().get(r);
                g.drawString(s, left - 6 - fm.stringWidth(s), y + r * cellH + cellH / 2 + 4);
            }
            int colStep = rotate ? Math.max(1, (int) Math.ceil((fm.getHeight() - 2) / (double) cellW)) : 1;
            for (int c = 0; c < cols; c += colStep) {
                String s = p.colLabels().get(c);
                if (rotate) {
                    AffineTransform old = g.getTransform();
                    g.translate(left + c * cellW + cellW / 2 + 4, y + rows * cellH + 6);
                    g.rotate(Math.PI / 2);
                    g.drawString(s, 0, 0);
                    g.setTransform(old);
                } else {
                    g.drawString(s, left + c * cellW + (cellW - fm.stringWidth(s)) / 2, y + rows * cellH + fm.getHeight());
                }
            }
            // y axis title, rotated, centred on this panel
            g.setFont(LABEL);
            AffineTransform old = g.getTransform();
            int ylw = g.getFontMetrics().stringWidth(yLabel);
            g.translate(18, y + rows * cellH / 2 + ylw / 2);
            g.rotate(-Math.PI / 2);
            g.drawString(yLabel, 0, 0);
            g.setTransform(old);
            y += rows * cellH + colLabelH + 10;
        }
        g.setFont(LABEL);
        g.setColor(Color.BLACK);
        int xlw = g.getFontMetrics().stringWidth(xLabel);
        g.drawString(xLabel, left + gridW / 2 - xlw / 2, y + 12);

        // colour bar
        int barTop = top + panelTitleH;
        int barH = Math.max(120, Math.min(320, y - barTop - 20));
        for (int i = 0; i < barH; i++) {
            double t = 1 - 2.0 * i / (barH - 1);
            g.setColor(color(t));
            g.fillRect(barX, barTop + i, 18, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(barX, barTop, 18, barH);
        g.setColor(Color.BLACK);
        g.setFont(TICK);
        for (int k = 0; k <= 4; k++) {
            double v = lim * (1 - k / 2.0);
            int ty = barTop + (int) Math.round(k / 4.0 * (barH - 1));
            g.drawLine(barX + 18, ty, barX + 22, ty);
            g.drawString(String.format(Locale.ROOT, "%.3g", v), barX + 25, ty + 4);
        }
        g.setFont(LABEL);
        AffineTransform old = g.getTransform();
        g.translate(width - 8, barTop + barH / 2 + g.getFontMetrics().stringWidth(scaleLabel) / 2);
        g.rotate(-Math.PI / 2);
        g.drawString(scaleLabel, 0, 0);
        g.setTransform(old);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    /** Splits a title into lines no wider than {@code width} pixels, at spaces. */
    static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.split(" ")) {
            if (line.length() > 0 && fm.stringWidth(line + " " + w) > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    /** Diverging blue - white - red for t in [-1, 1]. */
    static Color color(double t) {
        double x = Math.max(-1, Math.min(1, t));
        if (x >= 0) {
            return new Color(255, (int) Math.round(255 * (1 - 0.85 * x)), (int) Math.round(255 * (1 - 0.9 * x)));
        }
        double a = -x;
        return new Color((int) Math.round(255 * (1 - 0.9 * a)), (int) Math.round(255 * (1 - 0.6 * a)), 255);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
