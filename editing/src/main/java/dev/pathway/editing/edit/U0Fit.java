package dev.pathway.editing.edit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.SvdTriplets;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The least-squares line U0 ≈ intercept + slope * IDF over the tokens with a known IDF: the
 * model's own encoding of IDF on its top singular direction. Inverting nothing, it maps an IDF
 * value to the U0 value that the model would give a token of that IDF.
 *
 * @param intercept a
 * @param slope b (negative when U0 is oriented against IDF)
 * @param r Pearson r of the fit
 * @param tokens tokens used
 * @param idfSource the IDF table's source
 */
public record U0Fit(double intercept, double slope, double r, int tokens, String idfSource) {

    public static U0Fit of(SvdTriplets svd, IdfTable idf) {
        if (svd.rows() != idf.vocabSize()) {
            throw new UserInputException("the IDF table covers " + idf.vocabSize() + " ids but the embedding matrix has "
                    + svd.rows() + " rows: the table was made for another tokenizer");
        }
        SimpleRegression reg = new SimpleRegression(true);
        int n = 0;
        for (int id : idf.knownIds()) {
            reg.addData(idf.get(id), svd.u(0, id));
            n++;
        }
        if (n < 3) {
            throw new UserInputException(idf.source() + ": only " + n + " tokens have a known IDF; fitting U0 on IDF needs at least 3");
        }
        return new U0Fit(reg.getIntercept(), reg.getSlope(), reg.getR(), n, idf.source());
    }

    /** The U0 value that encodes {@code idf} on the fitted line. */
    public double u0For(double idf) {
        return intercept + slope * idf;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("intercept", intercept);
        n.put("slope", slope);
        n.put("r", r);
        n.put("tokens", tokens);
        n.put("idf_source", idfSource);
        return n;
    }
}
