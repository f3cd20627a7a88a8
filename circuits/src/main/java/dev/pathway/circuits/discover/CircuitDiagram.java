package dev.pathway.circuits.discover;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * A circuit as a picture: Graphviz DOT (for anyone with {@code dot}) and a PNG drawn here. Heads
 * are laid out left to right by layer, the logits last; colour marks the role, edge width and
 * label the effect.
 */
public final class CircuitDiagram {
    private static final Map<Role, Color> COLORS = new EnumMap<>(Map.of(
            Role.SCORING, new Color(0xE4572E),
            Role.DIRECT_OTHER, new Color(0xA0A0A0),
            Role.CONTEXTUALIZATION, new Color(0xF3A712),
            Role.MATCHING, new Color(0x2E86AB)));

    private CircuitDiagram() {}

    public static String dot(Circuit c, String title) {
        StringBuilder sb = new StringBuilder();
        sb.append("digraph circuit {\n  rankdir=LR;\n  labelloc=t;\n  label=\"").append(escape(title)).append("\";\n");
        sb.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n");
        Map<Integer, List<Circuit.Node>> byLayer = new TreeMap<>();
        for (Circuit.Node n : c.heads()) {
            byLayer.computeIfAbsent(n.head().layer(), k -> new java.util.ArrayList<>()).add(n);
        }
        for (Map.Entry<Integer, List<Circuit.Node>> e : byLayer.entrySet()) {
            sb.append("  subgraph cluster_layer").append(e.getKey()).append(" {\n    label=\"layer ").append(e.getKey())
                    .append("\";\n    style=dashed;\n");
            for (Circuit.Node n : e.getValue()) {
                sb.append("    \"").append(n.head()).append("\" [label=\"").append(n.head()).append("\\n").append(n.role().label())
                        .append("\", fillcolor=\"").append(hex(COLORS.get(n.role()))).append("\"];\n");
            }
            sb.append("  }\n");
        }
        sb.append("  \"logits\" [shape=doubleoctagon, fillcolor=\"#FFFFFF\"];\n");
        double max = maxEffect(c);
        for (Circuit.Edge e : c.edges()) {
            sb.append("  \"").append(e.from()).append("\" -> \"").append(e.to()).append("\" [label=\"")
                    .append(String.format(Locale.ROOT, "%.3f", e.effect())).append(e.input() == null ? "" : " (" + e.input() + ")")
                    .append("\", penwidth=").append(String.format(Locale.ROOT, "%.2f", 1 + 4 * Math.abs(e.effect()) / max)).append("];\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    public static void writePng(Circuit c, String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<Integer, List<Circuit.Node>> byLayer = new TreeMap<>();
        for (Circuit.Node n : c.heads()) {
            byLayer.computeIfAbsent(n.head().layer(), k -> new java.util.ArrayList<>()).add(n);
        }
        int colW = 150;
        int nodeW = 110;
        int nodeH = 38;
        int rowH = 62;
        int maxRows = byLayer.values().stream().mapToInt(List::size).max().orElse(1);
        int width = 60 + (byLayer.size() + 1) * colW + 40;
        int height = Math.max(260, 110 + maxRows * rowH + 80);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 12, 24);
        Map<String, double[]> centre = new HashMap<>();
        int col = 0;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (Map.Entry<Integer, List<Circuit.Node>> e : byLayer.entrySet()) {
            int x = 60 + col * colW;
            g.setColor(Color.DARK_GRAY);
            g.drawString("layer " + e.getKey(), x + 20, 60);
            int y = 80;
            for (Circuit.Node n : e.getValue()) {
                centre.put(n.head().toString(), new double[] {x + nodeW / 2.0, y + nodeH / 2.0, x, x + nodeW});
                y += rowH;
            }
            col++;
        }
        int lx = 60 + col * colW;
        int ly = 80 + (maxRows - 1) * rowH / 2;
        centre.put(Circuit.LOGITS, new double[] {lx + nodeW / 2.0, ly + nodeH / 2.0, lx, lx + nodeW});
        double max = maxEffect(c);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (Circuit.Edge e : c.edges()) {
            double[] a = centre.get(e.from().toString());
            double[] b = centre.get(e.to());
            if (a == null || b == null) {
                continue;
            }
            float w = (float) (1 + 4 * Math.abs(e.effect()) / max);
            g.setColor(new Color(60, 60, 60, 170));
            g.setStroke(new BasicStroke(w));
            double x1 = a[3];
            double y1 = a[1];
            double x2 = b[2];
            double y2 = b[1];
            g.draw(new Line2D.Double(x1, y1, x2 - 6, y2));
            arrow(g, x1, y1, x2, y2);
            g.setColor(Color.BLACK);
            String label = String.format(Locale.ROOT, "%.2f", e.effect());
            g.drawString(label, (float) ((x1 + x2) / 2), (float) ((y1 + y2) / 2 - 4));
        }
        g.setStroke(new BasicStroke(1.2f));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        for (Circuit.Node n : c.heads()) {
            double[] p = centre.get(n.head().toString());
            box(g, p[2], p[1] - nodeH / 2.0, nodeW, nodeH, COLORS.get(n.role()), n.head() + "  " + shortRole(n.role()));
        }
        box(g, lx, ly, nodeW, nodeH, Color.WHITE, "logits");
        int legendY = height - 30;
        int legendX = 12;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (Role r : Role.values()) {
            g.setColor(COLORS.get(r));
            g.fillRect(legendX, legendY - 10, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(r.label(), legendX + 16, legendY);
            legendX += 30 + g.getFontMetrics().stringWidth(r.label());
        }
        g.drawString("edge label: path-patching effect", legendX, legendY);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    public static void writeDot(Circuit c, String title, Path file) throws IOException {
        Files.writeString(file, dot(c, title));
    }

    private static void box(Graphics2D g, double x, double y, double w, double h, Color fill, String text) {
        RoundRectangle2D r = new RoundRectangle2D.Double(x, y, w, h, 12, 12);
        g.setColor(fill);
        g.fill(r);
        g.setColor(Color.DARK_GRAY);
        g.draw(r);
        g.setColor(fill.equals(Color.WHITE) || fill.getRed() > 200 && fill.getGreen() > 150 ? Color.BLACK : Color.WHITE);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (x + (w - fm.stringWidth(text)) / 2), (float) (y + h / 2 + 4));
    }

    private static void arrow(Graphics2D g, double x1, double y1, double x2, double y2) {
        double ang = Math.atan2(y2 - y1, x2 - x1);
        Path2D p = new Path2D.Double();
        p.moveTo(x2, y2);
        p.lineTo(x2 - 10 * Math.cos(ang - 0.35), y2 - 10 * Math.sin(ang - 0.35));
        p.lineTo(x2 - 10 * Math.cos(ang + 0.35), y2 - 10 * Math.sin(ang + 0.35));
        p.closePath();
        g.fill(p);
    }

    private static String shortRole(Role r) {
        return switch (r) {
            case SCORING -> "S";
            case DIRECT_OTHER -> "D";
            case CONTEXTUALIZATION -> "C";
            case MATCHING -> "M";
        };
    }

    private static double maxEffect(Circuit c) {
        double m = 1e-12;
        for (Circuit.Edge e : c.edges()) {
            m = Math.max(m, Math.abs(e.effect()));
        }
        return m;
    }

    private static String hex(Color c) {
        return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String escape(String s) {
        return s.replace("\"", "\\\"");
    }

}
