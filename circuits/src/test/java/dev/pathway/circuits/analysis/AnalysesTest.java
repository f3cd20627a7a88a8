package dev.pathway.circuits.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.circuits.Fixtures;
import dev.pathway.circuits.HeadId;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.editing.idf.IdfTable;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/** The head analyses against an independent computation (commons-math Pearson over the same points). */
class AnalysesTest {
    private final CrossEncoder model = Fixtures.model();

    @Test
    void runningPearsonMatchesCommonsMath() {
        double[] x = {0.1, 0.5, 0.2, 0.9, 0.3};
        double[] y = {1.0, 2.1, 0.7, 3.3, 1.1};
        Pearson p = new Pearson();
        for (int i = 0; i < x.length; i++) {
            p.add(x[i], y[i]);
        }
        assertEquals(new PearsonsCorrelation().correlation(x, y), p.r(), 1e-12);
        Pearson flat = new Pearson();
        for (int i = 0; i < 4; i++) {
            flat.add(1, i);
        }
        assertTrue(Double.isNaN(flat.r()), "constant x has no correlation");
    }

    @Test
    void attentionCosineAndIdfCorrelationsEqualAnIndependentComputation() {
        List<PairEncoding> in = List.of(model.tokenizer().encodePair("acceptance rate at wellesley college", "wellesley college accepts few", 512),
                model.tokenizer().encodePair("tosca automation tool", "tosca is a tool for test automation", 512));
        HeadCorrelations cos = AttentionCosine.run(model, in);
        double[] idfValues = new double[model.tokenizer().vocabSize()];
        Arrays.fill(idfValues, Double.NaN);
        for (int i = 1000; i < idfValues.length; i++) {
            idfValues[i] = Math.log(1 + i % 97);
        }
        IdfTable idf = new IdfTable(idfValues, "test", "ln(1 + id mod 97)");
        HeadCorrelations ci = ScoringIdf.run(model, in, idf);
        EmbeddingCosine ec = new EmbeddingCosine(model);
        for (HeadId h : List.of(new HeadId(0, 0), new HeadId(2, 7), new HeadId(5, 11))) {
            double[][] xs = new double[2][];
            double[][] ys = new double[2][];
            double rSum = 0;
            double[] ax = new double[0];
            double[] ay = new double[0];
            for (int k = 0; k < 2; k++) {
                PairEncoding e = in.get(k);
                Patterns p = Patterns.of(model, e);
                int nq = e.firstSep() - 1;
                int nd = e.lastSep() - e.docStart();
                xs[k] = new double[nq * nd];
                ys[k] = new double[nq * nd];
                int i = 0;
                for (int q = 1; q < e.firstSep(); q++) {
                    for (int d = e.docStart(); d < e.lastSep(); d++) {
                        xs[k][i] = p.at(h.layer(), h.head(), q, d);
                        ys[k][i] = ec.cosine(e.ids()[q], e.ids()[d]);
                        i++;
                    }
                }
                rSum += new PearsonsCorrelation().correlation(xs[k], ys[k]);
                ax = concat(ax, xs[k]);
                ay = concat(ay, ys[k]);
            }
            assertEquals(new PearsonsCorrelation().correlation(ax, ay), cos.pooledR(h), 1e-9, "pooled r " + h);
            assertEquals(rSum / 2, cos.meanR(h), 1e-9, "mean r " + h);

            double r2 = 0;
            int n2 = 0;
            for (PairEncoding e : in) {
                Patterns p = Patterns.of(model, e);
                double[] x = new double[e.firstSep() - 1];
                double[] y = new double[x.length];
                for (int q = 1; q < e.firstSep(); q++) {
                    x[q - 1] = p.at(h.layer(), h.head(), 0, q);
                    y[q - 1] = idf.get((int) e.ids()[q]);
                }
                r2 += new PearsonsCorrelation().correlation(x, y);
                n2++;
            }
            assertEquals(r2 / n2, ci.meanR(h), 1e-9, "[CLS]->query vs IDF " + h);
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
