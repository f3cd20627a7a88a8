package dev.pathway.editing.correlate;

import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.SvdTriplets;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * How much of IDF each top singular direction of W_E carries: Pearson and Spearman correlation of
 * U_k (k = 0..K-1) with IDF over the tokens whose IDF is known. U_k is correlated directly (the
 * reference code correlated a scaled U_k whose sign depended on the sum of V_k; see the notes).
 */
public final class IdfCorrelation {
    private IdfCorrelation() {}

    /** The correlations of every component with IDF. */
    public static List<ComponentCorrelation> of(SvdTriplets svd, IdfTable idf) {
        checkSizes(svd, idf);
        int[] ids = idf.knownIds();
        if (ids.length < 3) {
            throw new UserInputException("only " + ids.length + " tokens have a known IDF in " + idf.source() + "; a correlation needs at least 3");
        }
        double[] y = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            y[i] = idf.get(ids[i]);
        }
        List<ComponentCorrelation> out = new ArrayList<>();
        for (int k = 0; k < svd.k(); k++) {
            double[] x = new double[ids.length];
            for (int i = 0; i < ids.length; i++) {
                x[i] = svd.u(k, ids[i]);
            }
            out.add(new ComponentCorrelation(k, svd.sigma(k), pearson(x, y), new SpearmansCorrelation().correlation(x, y), ids.length));
        }
        return out;
    }

    static double pearson(double[] x, double[] y) {
        return new PearsonsCorrelation().correlation(x, y);
    }

    static void checkSizes(SvdTriplets svd, IdfTable idf) {
        if (svd.rows() != idf.vocabSize()) {
            throw new UserInputException("the IDF table covers " + idf.vocabSize() + " ids but the embedding matrix has "
                    + svd.rows() + " rows: the table was made for another tokenizer");
        }
    }
}
