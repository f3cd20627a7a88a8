package dev.pathway.eval.data;

import java.util.Comparator;

/**
 * One retrieved document of a run.
 *
 * @param docId the document id
 * @param score the retrieval score (larger is better)
 */
public record ScoredDoc(String docId, double score) {

    /**
     * trec_eval's ranking order: score descending, ties broken by document id descending
     * (byte-wise, i.e. by Unicode code point, as C's {@code strcmp} on UTF-8).
     */
    public static final Comparator<ScoredDoc> TREC_ORDER = (a, b) -> {
        int c = Double.compare(b.score, a.score);
        return c != 0 ? c : compareCodePoints(b.docId, a.docId);
    };

    /** Compares strings by code point (equal to byte order of their UTF-8 encodings). */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
