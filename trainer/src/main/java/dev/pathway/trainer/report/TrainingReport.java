package dev.pathway.trainer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.trainer.recipe.Recipe;
import dev.pathway.trainer.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training side of a recipe report: per (condition, seed) the selected epoch, its dev score,
 * the test means, trainable parameters and time ({@code training.md}, {@code training.json}),
 * and learning curves of the dev metric per epoch, mean over seeds per condition
 * ({@code learning_curves.png}).
 */
public final class TrainingReport {
    public static final String MARKDOWN = "training.md";
    public static final String JSON = "training.json";
    public static final String CURVES = "learning_curves.png";

    private TrainingReport() {}

    public static void write(Recipe recipe, List<RunResult> results, Path dir) throws IOException {
        Files.writeString(dir.resolve(MARKDOWN), markdown(recipe, results));
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("recipe", recipe.name());
        n.put("recipe_sha256", recipe.sha256());
        n.put("selection", recipe.dev().dataset() + ":" + recipe.dev().split() + " " + recipe.evaluation().selectBy());
        ArrayNode runs = n.putArray("runs");
        results.forEach(r -> runs.add(r.toJson()));
        Json.write(dir.resolve(JSON), n);
        curves(recipe, results).forEach((name, chart) -> {
            try {
                BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static String markdown(Recipe recipe, List<RunResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("## Training runs of `").append(recipe.name()).append("`\n\n");
        sb.append("Model selection: ").append(recipe.evaluation().selectBy()).append(" of reranking BM25 top-")
                .append(recipe.evaluation().topK()).append(" on ").append(recipe.dev().dataset()).append(" ")
                .append(recipe.dev().split()).append(recipe.dev().maxQueries() > 0 ? " (" + recipe.dev().maxQueries() + " sampled queries)" : "")
                .append("; the test split is never used for selection.\n\n");
        List<String> metrics = results.isEmpty() ? List.of() : new ArrayList<>(results.get(0).testMeans().keySet());
        sb.append("| condition | seed | trainable params | best epoch | dev ").append(recipe.evaluation().selectBy()).append(" |");
        metrics.forEach(m -> sb.append(" test ").append(m).append(" |"));
        sb.append(" minutes |\n|---|---|---|---|---|");
        metrics.forEach(m -> sb.append("---|"));
        sb.append("---|\n");
        for (RunResult r : results) {
            sb.append("| ").append(r.condition()).append(" | ").append(r.seed()).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", r.trainableParameters())).append(" | ").append(r.bestEpoch())
                    .append(" | ").append(fmt(r.bestDev())).append(" |");
            metrics.forEach(m -> sb.append(" ").append(fmt(r.testMeans().getOrDefault(m, Double.NaN))).append(" |"));
            sb.append(String.format(Locale.ROOT, " %.1f |%n", r.seconds() / 60));
        }
        sb.append("\n![learning curves](").append(CURVES).append(")\n");
        return sb.toString();
    }

    private static Map<String, XYChart> curves(Recipe recipe, List<RunResult> results) {
        XYChart chart = new XYChartBuilder().width(800).height(500)
                .title("Dev " + recipe.evaluation().selectBy() + " by epoch (mean over seeds)")
                .xAxisTitle("epoch").yAxisTitle(recipe.evaluation().selectBy()).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        Map<String, List<RunResult>> byCondition = new LinkedHashMap<>();
        results.forEach(r -> byCondition.computeIfAbsent(r.condition(), k -> new ArrayList<>()).add(r));
        byCondition.forEach((name, runs) -> {
            int epochs = runs.stream().mapToInt(r -> r.devCurve().size()).min().orElse(0);
            if (epochs == 0) {
                return;
            }
            double[] x = new double[epochs];
            double[] y = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                x[e] = e + 1;
                final int ep = e;
                y[e] = runs.stream().mapToDouble(r -> r.devCurve().get(ep)).average().orElse(Double.NaN);
            }
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
        });
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no epochs", new double[] {0}, new double[] {0});
        }
        return Map.of(CURVES, chart);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
