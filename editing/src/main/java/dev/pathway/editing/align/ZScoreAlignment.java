package dev.pathway.editing.align;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.edit.U0Change;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.SvdTriplets;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The paper's alignment (section 6.4 / its fine-tuning notebook): with t = -IDF_target,
 * U0'[t] = (t - mean t)/sd t * sd U0 + mean U0, i.e. -IDF rescaled to U0's location and spread.
 *
 * <p>Statistics: means and unbiased (n - 1) standard deviations are taken over the same token set
 * T, the tokens with a known target IDF, for both t and U0 (the reference code took them over all
 * 30,522 ids with a sentinel IDF for unknown tokens, which mixes the sentinel into the statistics).
 * Tokens outside T keep their U0.
 */
public final class ZScoreAlignment implements AlignmentMethod {
    private final ObjectNode params = Json.MAPPER.createObjectNode();

    @Override
    public String name() {
        return "zscore";
    }

    @Override
    public U0Change plan(SvdTriplets svd, IdfTable target) {
        int[] ids = target.knownIds();
        if (ids.length < 2) {
            throw new UserInputException(target.source() + ": only " + ids.length + " tokens have a known IDF; z-scoring needs at least 2");
        }
        SummaryStatistics t = new SummaryStatistics();
        SummaryStatistics u = new SummaryStatistics();
        for (int id : ids) {
            t.addValue(-target.get(id));
            u.addValue(svd.u(0, id));
        }
        if (!(t.getStandardDeviation() > 0)) {
            throw new UserInputException(target.source() + ": every known token has the same IDF; z-scoring needs spread");
        }
        double[] before = new double[ids.length];
        double[] after = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            before[i] = svd.u(0, ids[i]);
            after[i] = (-target.get(ids[i]) - t.getMean()) / t.getStandardDeviation() * u.getStandardDeviation() + u.getMean();
        }
        params.put("method", name());
        params.put("formula", "U0'[t] = (-idf[t] - mean(-idf))/sd(-idf) * sd(U0) + mean(U0)");
        params.put("statistics_over", "the " + ids.length + " tokens with a known target IDF (same set for -idf and U0; sd with n-1)");
        params.put("mean_neg_idf", t.getMean());
        params.put("sd_neg_idf", t.getStandardDeviation());
        params.put("mean_u0", u.getMean());
        params.put("sd_u0", u.getStandardDeviation());
        params.put("unknown_tokens", "keep their U0");
        return new U0Change(ids, before, after);
    }

    @Override
    public ObjectNode params() {
        return params.deepCopy();
    }
}
