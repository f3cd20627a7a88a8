package dev.pathway.editing.edit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.EmbeddingSvd;
import dev.pathway.editing.svd.IdfOrientation;
import dev.pathway.editing.svd.SvdTriplets;
import java.util.List;

/**
 * Turns the IDF dial of some words in a loaded model, in place: SVD of W_E, orientation of U0
 * against a reference IDF, the word pieces of the words, a rule for their new U0, and the rank-1
 * row update. The caller saves the model (see {@link EditCheckpoints}).
 */
public final class TokenIdfDial {
    public static final String KIND = "scale-idf";

    private TokenIdfDial() {}

    /**
     * @param operation everything to record in provenance: selection, rule, SVD facts, per-token U0
     */
    public record Result(TokenSelection selection, U0Rule rule, SvdTriplets svd, U0Change change, ObjectNode operation) {}

    public static Result apply(CrossEncoder model, IdfTable orientationIdf, List<String> words, RuleFactory rules, int svdK) {
        TokenSelection selection = TokenSelection.of(model.tokenizer(), words);
        SvdTriplets svd = IdfOrientation.orient(EmbeddingSvd.of(model, svdK), orientationIdf);
        U0Rule rule = rules.make(svd, orientationIdf);
        U0Change change = U0Editor.plan(svd, selection.ids(), rule);
        U0Editor.apply(model, svd, change);
        ObjectNode op = Json.MAPPER.createObjectNode();
        op.setAll(selection.toJson());
        op.set("rule", rule.params());
        op.set("svd", svdFacts(svd, orientationIdf));
        op.set("changes", change.toJson(model.tokenizer().vocab(), 1000));
        return new Result(selection, rule, svd, change, op);
    }

    /** The SVD facts an edit depends on: k, sigma0, orientation and its reference. */
    public static ObjectNode svdFacts(SvdTriplets svd, IdfTable orientationIdf) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("matrix", EmbeddingSvd.WORD_EMBEDDINGS);
        n.put("k", svd.k());
        n.put("sigma0", svd.sigma(0));
        n.put("orientation", "corr(U0, IDF) <= 0");
        n.put("orientation_idf", orientationIdf.source());
        n.put("orientation_idf_description", orientationIdf.description());
        n.put("u0_idf_pearson", IdfOrientation.pearson(svd, orientationIdf));
        n.put("first_pair_flipped", svd.firstFlipped());
        return n;
    }
}
