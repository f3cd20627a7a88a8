package dev.pathway.core.tokenize;

/**
 * One query-document pair as {@code [CLS] q [SEP] d [SEP]}: token ids, token types (0 for [CLS],
 * the query and the first [SEP]; 1 for the document and the final [SEP]) and where the parts
 * start. Positions are absolute, 0-based.
 *
 * @param ids token ids, length = {@link #length()}
 * @param typeIds token type ids
 * @param firstSep position of the [SEP] that ends the query
 * @param truncatedDocTokens document tokens dropped to fit the maximum length
 */
public record PairEncoding(long[] ids, long[] typeIds, int firstSep, int truncatedDocTokens) implements java.io.Serializable {

    public int length() {
        return ids.length;
    }

    /** Number of query tokens (between [CLS] and the first [SEP]). */
    public int queryLength() {
        return firstSep - 1;
    }

    /** Position of the first document token. */
    public int docStart() {
        return firstSep + 1;
    }

    /** Position of the final [SEP]. */
    public int lastSep() {
        return ids.length - 1;
    }
}
