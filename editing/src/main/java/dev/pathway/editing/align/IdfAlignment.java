package dev.pathway.editing.align;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.edit.TokenIdfDial;
import dev.pathway.editing.edit.U0Change;
import dev.pathway.editing.edit.U0Editor;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.EmbeddingSvd;
import dev.pathway.editing.svd.IdfOrientation;
import dev.pathway.editing.svd.SvdTriplets;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * IDF alignment to a target corpus (paper section 6.4): every token with a known target IDF gets
 * the U0 that encodes that IDF, and W_E' = W_E + (u0' - u0) sigma0 v0^T on those rows. The edit is
 * in place; the result carries the provenance operation to record. The trainer calls this before
 * fine-tuning:
 *
 * <pre>{@code
 * IdfAlignment.Result r = IdfAlignment.align(model, targetIdf, new ZScoreAlignment());
 * Provenance p = model.provenance().child(dir, model.weightsSha256()).withOperation(IdfAlignment.KIND, r.operation(), null, null);
 * }</pre>
 */
public final class IdfAlignment {
    public static final String KIND = "align-idf";

    private IdfAlignment() {}

    /**
     * @param pearsonBefore corr(U0, target IDF) before, over tokens with a known target IDF
     * @param pearsonAssigned corr of the assigned U0' values with target IDF (-1 for the z-score
     *     rule by construction: an affine map of -IDF)
     * @param pearsonRecomputed corr of the U0 of a fresh SVD of the edited W_E with target IDF: what
     *     the edited matrix's own top direction now encodes
     * @param tokensEdited rows changed
     * @param operation the provenance parameters
     */
    public record Result(double pearsonBefore, double pearsonAssigned, double pearsonRecomputed, int tokensEdited, U0Change change, ObjectNode operation) {}

    public static Result align(CrossEncoder model, IdfTable target, AlignmentMethod method) {
        return align(model, target, method, EmbeddingSvd.DEFAULT_K);
    }

    public static Result align(CrossEncoder model, IdfTable target, AlignmentMethod method, int svdK) {
        if (target.vocabSize() != model.tokenizer().vocabSize()) {
            throw new UserInputException("the target IDF covers " + target.vocabSize() + " ids but the model's tokenizer has "
                    + model.tokenizer().vocabSize());
        }
        SvdTriplets svd = IdfOrientation.orient(EmbeddingSvd.of(model, svdK), target);
        double before = IdfOrientation.pearson(svd, target);
        U0Change change = method.plan(svd, target);
        double assigned = new PearsonsCorrelation().correlation(change.newU0(), targetValues(change, target));
        U0Editor.apply(model, svd, change);
        SvdTriplets after = IdfOrientation.orient(EmbeddingSvd.of(model, 1), target);
        double recomputed = IdfOrientation.pearson(after, target);
        ObjectNode op = Json.MAPPER.createObjectNode();
        op.put("target_idf", target.source());
        op.put("target_idf_description", target.description());
        op.set("method", method.params());
        op.set("svd", TokenIdfDial.svdFacts(svd, target));
        op.put("tokens_edited", change.size());
        op.put("pearson_u0_target_before", before);
        op.put("pearson_assigned_u0_target", assigned);
        op.put("pearson_recomputed_u0_target", recomputed);
        return new Result(before, assigned, recomputed, change.size(), change, op);
    }

    private static double[] targetValues(U0Change change, IdfTable target) {
        double[] y = new double[change.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = target.get(change.ids()[i]);
        }
        return y;
    }
}
