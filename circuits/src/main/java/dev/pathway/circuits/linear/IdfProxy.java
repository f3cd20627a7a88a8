package dev.pathway.circuits.linear;

import dev.pathway.core.model.CrossEncoder;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.EmbeddingSvd;
import dev.pathway.editing.svd.IdfOrientation;
import dev.pathway.editing.svd.SvdTriplets;
import dev.pathway.core.util.UserInputException;

/**
 * The model's own IDF, read from the top left singular vector U0 of its word embeddings (section 5
 * of the paper, method notes §8.1): U0 is oriented so that corr(U0, IDF) <= 0, then rescaled to the
 * IDF table's scale,
 *
 * <pre>U0_idf = (U0 - mean U0) / sd U0 x sd IDF + mean IDF</pre>
 *
 * (statistics over the whole vocabulary; the IDF table's unknown ids count as 0, as in the
 * reference; sample standard deviations), and the feature is {@code ft1 = -U0_idf[token]}.
 *
 * @param ft1 the feature per vocabulary id
 * @param u0IdfPearson Pearson r of the oriented U0 with IDF over the ids with a known IDF (<= 0)
 * @param flipped whether the SVD's raw sign was flipped to orient U0
 */
public record IdfProxy(double[] ft1, double u0IdfPearson, boolean flipped) {

    public static IdfProxy of(CrossEncoder model, IdfTable idf) {
        SvdTriplets svd = IdfOrientation.orient(EmbeddingSvd.of(model, 1), idf);
        return of(svd.u(0), idf, svd.firstFlipped(), IdfOrientation.pearson(svd, idf));
    }

    /** From an already oriented U0 (tests build one by hand). */
    public static IdfProxy of(double[] u0, IdfTable idf, boolean flipped, double pearson) {
        if (u0.length != idf.vocabSize()) {
            throw new UserInputException("the IDF table covers " + idf.vocabSize() + " ids but U0 has " + u0.length);
        }
        double[] idfZero = new double[u0.length];
        for (int i = 0; i < u0.length; i++) {
            idfZero[i] = idf.known(i) ? idf.get(i) : 0;
        }
        double mu = mean(u0);
        double su = sd(u0, mu);
        double mi = mean(idfZero);
        double si = sd(idfZero, mi);
        if (!(su > 0)) {
            throw new UserInputException("U0 is constant: the embedding matrix carries no IDF direction");
        }
        double[] ft1 = new double[u0.length];
        for (int i = 0; i < u0.length; i++) {
            ft1[i] = -((u0[i] - mu) / su * si + mi);
        }
        return new IdfProxy(ft1, pearson, flipped);
    }

    public double at(long tokenId) {
        return ft1[(int) tokenId];
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sd(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
