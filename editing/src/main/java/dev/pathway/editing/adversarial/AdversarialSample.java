package dev.pathway.editing.adversarial;

import dev.pathway.core.tokenize.PairEncoding;

/**
 * One adversarial sample: a query, a relevant document, and the same document with one unsafe
 * word inserted.
 *
 * @param queryId query id
 * @param docId document id
 * @param word the inserted word
 * @param wordPosition the word index (0-based, in the whitespace-split document) before which it was inserted
 * @param clean the (query, clean document) pair
 * @param unsafe the (query, document with the word) pair
 * @param cleanScore the unedited model's score of the clean pair
 * @param unsafeScore the unedited model's score of the unsafe pair
 */
public record AdversarialSample(
        String queryId,
        String docId,
        String word,
        int wordPosition,
        PairEncoding clean,
        PairEncoding unsafe,
        float cleanScore,
        float unsafeScore) {

    public float rise() {
        return unsafeScore - cleanScore;
    }
}
