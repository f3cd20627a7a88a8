package dev.pathway.editing.svd;

import dev.pathway.editing.idf.IdfTable;
import dev.pathway.core.util.UserInputException;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Fixes the sign of the top singular pair so that corr(U0, IDF) <= 0, the orientation the paper
 * assumes everywhere ("increase IDF" pushes U0 negative). Flipping u0 and v0 together leaves
 * sigma0 u0 v0^T, and so W_E, unchanged; the reference code never fixed the sign.
 */
public final class IdfOrientation {
    private IdfOrientation() {}

    /** The decomposition with (u0, v0) flipped if U0 correlates positively with IDF. */
    public static SvdTriplets orient(SvdTriplets svd, IdfTable idf) {
        return pearson(svd, idf) > 0 ? svd.withFirstFlipped() : svd;
    }

    /** Pearson r of U0 with IDF over the known tokens. */
    public static double pearson(SvdTriplets svd, IdfTable idf) {
        if (svd.rows() != idf.vocabSize()) {
            throw new UserInputException("the IDF table covers " + idf.vocabSize() + " ids but the embedding matrix has "
                    + svd.rows() + " rows: the table was made for another tokenizer");
        }
        int[] ids = idf.knownIds();
        if (ids.length < 3) {
            throw new UserInputException(idf.source() + ": only " + ids.length + " tokens have a known IDF; orienting U0 needs at least 3");
        }
        double[] x = new double[ids.length];
        double[] y = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            x[i] = svd.u(0, ids[i]);
            y[i] = idf.get(ids[i]);
        }
        return new PearsonsCorrelation().correlation(x, y);
    }
}
