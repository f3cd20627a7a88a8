package dev.pathway.trainer.data;

import java.util.List;

/**
 * One training unit: a query with a judged-relevant document (label 1) followed by its sampled
 * negatives (label 0). Pointwise losses treat the pairs independently; the listwise loss needs
 * them together.
 *
 * @param queryId the query
 * @param query its text
 * @param docIds positive first, then negatives
 * @param docs the documents' texts, in the same order
 */
public record PairGroup(String queryId, String query, List<String> docIds, List<String> docs) {
    public int size() {
        return docIds.size();
    }

    /** Label of the i-th pair: 1 for the positive (first), 0 for negatives. */
    public float label(int i) {
        return i == 0 ? 1f : 0f;
    }
}
