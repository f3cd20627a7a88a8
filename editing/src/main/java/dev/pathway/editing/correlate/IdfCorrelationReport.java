package dev.pathway.editing.correlate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.editing.Outputs;
import dev.pathway.editing.chart.Charts;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.EmbeddingSvd;
import dev.pathway.editing.svd.IdfOrientation;
import dev.pathway.editing.svd.SvdTriplets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * U0 (and U1..U_{K-1}) against IDF for one model and one IDF source: the correlations, the
 * orientation applied, and the U0-vs-IDF scatter.
 *
 * @param model the checkpoint (for reports)
 * @param idf the IDF table used
 * @param svd the oriented decomposition
 * @param components one row per component
 * @param seconds how long the SVD took
 */
public record IdfCorrelationReport(String model, IdfTable idf, SvdTriplets svd, List<ComponentCorrelation> components, double seconds) {

    public static final String JSON = "idf-correlation.json";
    public static final String TSV = "idf-correlation.tsv";
    public static final String SCATTER = "u0-vs-idf.png";

    public static IdfCorrelationReport compute(CrossEncoder model, String modelName, IdfTable idf, int k) {
        long t0 = System.nanoTime();
        SvdTriplets raw = EmbeddingSvd.of(model, k);
        double seconds = (System.nanoTime() - t0) / 1e9;
        SvdTriplets svd = IdfOrientation.orient(raw, idf);
        return new IdfCorrelationReport(modelName, idf, svd, IdfCorrelation.of(svd, idf), seconds);
    }

    /** The table printed by the command (TSV with a header). */
    public String table() {
        StringBuilder b = new StringBuilder("component\tsigma\tpearson\tspearman\ttokens\n");
        for (ComponentCorrelation c : components) {
            b.append(String.format(Locale.ROOT, "U%d\t%.4f\t%.4f\t%.4f\t%d%n", c.component(), c.sigma(), c.pearson(), c.spearman(), c.tokens()));
        }
        return b.toString();
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("model", model);
        n.put("idf_source", idf.source());
        n.put("idf_description", idf.description());
        n.put("tokens_with_idf", idf.knownCount());
        n.put("vocab_size", idf.vocabSize());
        n.put("orientation", "(u0, v0) flipped together when corr(U0, IDF) > 0, so that corr(U0, IDF) <= 0");
        n.put("first_pair_flipped", svd.firstFlipped());
        n.put("svd_seconds", seconds);
        ArrayNode a = n.putArray("components");
        for (ComponentCorrelation c : components) {
            ObjectNode o = a.addObject();
            o.put("component", c.component());
            o.put("sigma", c.sigma());
            o.put("pearson", c.pearson());
            o.put("spearman", c.spearman());
            o.put("tokens", c.tokens());
        }
        return n;
    }

    /** Writes the JSON, the TSV table and the scatter PNG into {@code dir}. */
    public void write(Path dir) {
        Outputs.json(dir.resolve(JSON), toJson());
        Outputs.text(dir.resolve(TSV), table());
        int[] ids = idf.knownIds();
        double[] x = new double[ids.length];
        double[] y = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            x[i] = idf.get(ids[i]);
            y[i] = svd.u(0, ids[i]);
        }
        ComponentCorrelation c0 = components.get(0);
        Charts.scatter(dir.resolve(SCATTER),
                String.format(Locale.ROOT, "U0 vs IDF: r = %.4f, rho = %.4f, n = %d", c0.pearson(), c0.spearman(), c0.tokens()),
                "IDF (" + shortName(idf.source()) + ")", "U0 (oriented: corr <= 0)", x, y);
    }

    private static String shortName(String source) {
        return source.length() > 60 ? "..." + source.substring(source.length() - 57) : source;
    }
}
