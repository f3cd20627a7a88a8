package dev.pathway.editing.align;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.editing.edit.U0Change;
import dev.pathway.editing.edit.U0Fit;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.SvdTriplets;

/**
 * Maps target IDF to U0 through the model's own encoding of IDF: the least-squares line
 * U0 ≈ a + b * IDF_source fitted over the tokens with a known source IDF (by default the MS MARCO
 * table, the model's training distribution), then U0'[t] = a + b * IDF_target[t]. Unlike the
 * z-score rule it keeps the model's scale: a token gets the U0 that a token of that IDF had in the
 * source domain. Tokens without a target IDF keep their U0.
 */
public final class RegressionAlignment implements AlignmentMethod {
    private final IdfTable source;
    private final ObjectNode params = Json.MAPPER.createObjectNode();

    public RegressionAlignment(IdfTable source) {
        this.source = source;
    }

    @Override
    public String name() {
        return "regression";
    }

    @Override
    public U0Change plan(SvdTriplets svd, IdfTable target) {
        U0Fit fit = U0Fit.of(svd, source);
        int[] ids = target.knownIds();
        double[] before = new double[ids.length];
        double[] after = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            before[i] = svd.u(0, ids[i]);
            after[i] = fit.u0For(target.get(ids[i]));
        }
        params.put("method", name());
        params.put("formula", "U0'[t] = a + b * idf_target[t], with U0 = a + b * idf_source fitted by least squares");
        params.set("fit", fit.toJson());
        params.put("source_idf_description", source.description());
        params.put("unknown_tokens", "keep their U0");
        return new U0Change(ids, before, after);
    }

    @Override
    public ObjectNode params() {
        return params.deepCopy();
    }
}
