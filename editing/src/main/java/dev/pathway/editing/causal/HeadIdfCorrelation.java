package dev.pathway.editing.causal;

import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.idf.IdfTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Which heads attend from [CLS] to query tokens in proportion to IDF (section 4.1 of the paper:
 * relevance-scoring heads such as 10.1 in MiniLM-L12). For every head, the Pearson correlation,
 * over all query-token positions of the given pairs whose token has a known IDF, of the [CLS]
 * attention to that position with the token's IDF.
 */
public final class HeadIdfCorrelation {
    private static final int BATCH = 32;

    private HeadIdfCorrelation() {}

    /** One head's correlation. */
    public record HeadScore(HeadRef head, double pearson, int positions) {}

    /** Every head, strongest positive correlation first. */
    public static List<HeadScore> rank(CrossEncoder model, List<PairEncoding> pairs, IdfTable idf) {
        int layers = model.config().numLayers();
        int heads = model.config().numHeads();
        int[] all = IntStream.range(0, layers).toArray();
        // x[l * heads + h] = attention values, y = IDF, one entry per (pair, query position).
        List<List<Double>> x = new ArrayList<>();
        for (int i = 0; i < layers * heads; i++) {
            x.add(new ArrayList<>());
        }
        List<Double> y = new ArrayList<>();
        for (int start = 0; start < pairs.size(); start += BATCH) {
            List<PairEncoding> batch = pairs.subList(start, Math.min(pairs.size(), start + BATCH));
            float[][][][] att = AttentionProbe.run(model, batch, all).clsAttention();
            for (int b = 0; b < batch.size(); b++) {
                PairEncoding p = batch.get(b);
                for (int pos = 1; pos < p.firstSep(); pos++) {
                    int id = (int) p.ids()[pos];
                    if (!idf.known(id)) {
                        continue;
                    }
                    y.add(idf.get(id));
                    for (int l = 0; l < layers; l++) {
                        for (int h = 0; h < heads; h++) {
                            x.get(l * heads + h).add((double) att[l][b][h][pos]);
                        }
                    }
                }
            }
        }
        int n = y.size();
        if (n < 3) {
            throw new UserInputException("only " + n + " query tokens with a known IDF; ranking heads by IDF correlation needs at least 3");
        }
        double[] yy = y.stream().mapToDouble(Double::doubleValue).toArray();
        List<HeadScore> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                double[] xx = x.get(l * heads + h).stream().mapToDouble(Double::doubleValue).toArray();
                double r = new PearsonsCorrelation().correlation(xx, yy);
                out.add(new HeadScore(new HeadRef(l, h), Double.isNaN(r) ? 0 : r, n));
            }
        }
        out.sort(Comparator.comparingDouble(HeadScore::pearson).reversed());
        return out;
    }
}
