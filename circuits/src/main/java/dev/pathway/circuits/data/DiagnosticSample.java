package dev.pathway.circuits.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.UserInputException;
import java.util.List;

/**
 * One diagnostic sample: a query, a baseline document and one or more perturbed documents that
 * differ from it by the signal of one axiom.
 *
 * @param id unique within its set, e.g. {@code tfc1/1101090/D3320}
 * @param kind which diagnostic
 * @param qid the query id in the base data
 * @param query the query text
 * @param docId the base document id ("" where the document is synthetic)
 * @param baseline the baseline document
 * @param perturbed the perturbed documents in order (TFC1/STMC1: one; TFC2: 1..5 occurrences;
 *     LNC1: 1..4 added sentences)
 * @param term the selected query term (a word of the query)
 * @param meta everything else a builder knows: synonym, pronoun, partner queries, variant labels,
 *     alignment, source
 */
public record DiagnosticSample(
        String id,
        DiagnosticKind kind,
        String qid,
        String query,
        String docId,
        String baseline,
        List<String> perturbed,
        String term,
        ObjectNode meta) {

    public DiagnosticSample {
        perturbed = List.copyOf(perturbed);
    }

    /** The perturbed document of a variant, 1-based as the labels count (variant 1 = first). */
    public String variant(int variant) {
        if (variant < 1 || variant > perturbed.size()) {
            throw new UserInputException("sample " + id + " has variants 1.." + perturbed.size() + ", not " + variant);
        }
        return perturbed.get(variant - 1);
    }

    /** The alignment rule of this sample (meta {@code alignment}, else the kind's default). */
    public String alignment() {
        return meta != null && meta.hasNonNull("alignment") ? meta.get("alignment").asText() : kind.defaultAlignment();
    }
}
