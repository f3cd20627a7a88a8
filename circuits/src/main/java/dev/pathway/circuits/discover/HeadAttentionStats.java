package dev.pathway.circuits.discover;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each head attends, averaged over inputs: attention mass from [CLS], from query tokens and
 * from document tokens to query tokens, document tokens and the special tokens ([CLS], both
 * [SEP]). Densities divide a mass by the number of key tokens it spreads over, so a 5-token query
 * and a 100-token document compare fairly (uniform attention gives equal densities).
 */
public final class HeadAttentionStats {
    /** Mass and density statistics of one head (means over inputs). */
    public record Stats(
            double clsToQuery, double clsToDoc, double clsToSpecial,
            double queryToQuery, double queryToDoc, double docToQuery, double docToDoc,
            double clsToQueryDensity, double clsToDocDensity,
            double queryToQueryDensity, double queryToDocDensity, double docToQueryDensity) {

        /** [CLS] attends more densely to query tokens than to document tokens. */
        public boolean clsReadsQuery() {
            return clsToQueryDensity > clsToDocDensity;
        }

        /** Query tokens attend more densely among themselves than across query and document. */
        public boolean withinQuery() {
            return queryToQueryDensity > (queryToDocDensity + docToQueryDensity) / 2;
        }

        public ObjectNode toJson() {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("cls_to_query", clsToQuery);
            o.put("cls_to_doc", clsToDoc);
            o.put("cls_to_special", clsToSpecial);
            o.put("query_to_query", queryToQuery);
            o.put("query_to_doc", queryToDoc);
            o.put("doc_to_query", docToQuery);
            o.put("doc_to_doc", docToDoc);
            o.put("cls_to_query_density", clsToQueryDensity);
            o.put("cls_to_doc_density", clsToDocDensity);
            o.put("query_to_query_density", queryToQueryDensity);
            o.put("query_to_doc_density", queryToDocDensity);
            o.put("doc_to_query_density", docToQueryDensity);
            return o;
        }
    }

    private HeadAttentionStats() {}

    /** Statistics of every head ([layer][head]) over the inputs, one forward per input. */
    public static Stats[][] compute(CrossEncoder model, List<PairEncoding> inputs) {
        int layers = model.config().numLayers();
        int heads = model.config().numHeads();
        double[][][] sums = new double[layers][heads][12];
        List<String> names = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            names.add(HookNames.layer(l).pattern());
        }
        for (PairEncoding e : inputs) {
            try (NDManager m = model.manager().newSubManager(); ActivationCache cache = new ActivationCache(m)) {
                NDList in = new EncodedBatch(List.of(e)).toNDList(m);
                model.forward(in, Hooks.builder().cache(names).build(), cache);
                int n = e.length();
                for (int l = 0; l < layers; l++) {
                    float[] p = cache.get(names.get(l)).toFloatArray(); // [1, head, q, k]
                    for (int h = 0; h < heads; h++) {
                        accumulate(sums[l][h], p, h * n * n, e);
                    }
                }
            }
        }
        Stats[][] out = new Stats[layers][heads];
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                double[] s = sums[l][h];
                double k = Math.max(1, inputs.size());
                out[l][h] = new Stats(s[0] / k, s[1] / k, s[2] / k, s[3] / k, s[4] / k, s[5] / k, s[6] / k, s[7] / k, s[8] / k,
                        s[9] / k, s[10] / k, s[11] / k);
            }
        }
        return out;
    }

    public static Stats of(Stats[][] all, HeadId h) {
        return all[h.layer()][h.head()];
    }

    private static void accumulate(double[] acc, float[] p, int off, PairEncoding e) {
        int n = e.length();
        int q0 = 1;
        int q1 = e.firstSep();
        int d0 = e.docStart();
        int d1 = e.lastSep();
        int nq = Math.max(1, q1 - q0);
        int nd = Math.max(1, d1 - d0);
        double[] cls = rowMasses(p, off, 0, n, q0, q1, d0, d1);
        acc[0] += cls[0];
        acc[1] += cls[1];
        acc[2] += cls[2];
        double qq = 0;
        double qd = 0;
        for (int i = q0; i < q1; i++) {
            double[] r = rowMasses(p, off, i, n, q0, q1, d0, d1);
            qq += r[0];
            qd += r[1];
        }
        double dq = 0;
        double dd = 0;
        for (int i = d0; i < d1; i++) {
            double[] r = rowMasses(p, off, i, n, q0, q1, d0, d1);
            dq += r[0];
            dd += r[1];
        }
        qq /= nq;
        qd /= nq;
        dq /= nd;
        dd /= nd;
        acc[3] += qq;
        acc[4] += qd;
        acc[5] += dq;
        acc[6] += dd;
        acc[7] += cls[0] / nq;
        acc[8] += cls[1] / nd;
        acc[9] += qq / nq;
        acc[10] += qd / nd;
        acc[11] += dq / nq;
    }

    /** Mass of row i on query keys, document keys and special keys. */
    private static double[] rowMasses(float[] p, int off, int i, int n, int q0, int q1, int d0, int d1) {
        double q = 0;
        double d = 0;
        double total = 0;
        int base = off + i * n;
        for (int j = 0; j < n; j++) {
            double v = p[base + j];
            total += v;
            if (j >= q0 && j < q1) {
                q += v;
            } else if (j >= d0 && j < d1) {
                d += v;
            }
        }
        return new double[] {q, d, total - q - d};
    }
}
