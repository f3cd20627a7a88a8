package dev.pathway.spark;

import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.tokenize.PairTokenizer;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Pairs as text, shipped to an executor that tokenizes them itself: first to learn their lengths
 * (which fix the batches), then one scoring batch at a time.
 *
 * @param positions the pairs' positions in the input
 * @param queries their queries
 * @param documents their documents
 */
record TextBatch(int[] positions, String[] queries, String[] documents) implements Serializable {
    static TextBatch of(List<String> queries, List<String> documents, int[] positions) {
        String[] q = new String[positions.length];
        String[] d = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            q[i] = queries.get(positions[i]);
            d[i] = documents.get(positions[i]);
        }
        return new TextBatch(positions, q, d);
    }

    List<PairEncoding> encode(PairTokenizer tokenizer, int maxLength) {
        return tokenizer.encodePairs(Arrays.asList(queries), Arrays.asList(documents), maxLength);
    }

    /** Token lengths of the pairs, with their positions. */
    record Lengths(int[] positions, int[] lengths) implements Serializable {}
}
