package dev.pathway.circuits.data;

import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.UserInputException;
import java.util.List;
import java.util.function.Function;

/**
 * Shortens a document (whole words from the end) until every variant built from it fits the
 * model's maximum length as {@code [CLS] query [SEP] doc [SEP]}, so that no perturbation is cut
 * off by truncation later. Documents that fit are returned unchanged.
 */
public final class DocFitter {
    private final PairTokenizer tokenizer;
    private final int maxLength;

    public DocFitter(PairTokenizer tokenizer, int maxLength) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /**
     * @param query the query
     * @param doc the document to shorten
     * @param variants every document that will be built from a candidate (baseline included)
     * @return the longest word prefix of {@code doc} whose variants all fit
     */
    public String fit(String query, String doc, Function<String, List<String>> variants) {
        int q = tokenizer.ids(query).length;
        if (fits(q, variants.apply(doc))) {
            return doc;
        }
        String[] words = doc.trim().split("\\s+");
        int lo = 0;
        int hi = words.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (fits(q, variants.apply(Words.firstWords(doc, mid)))) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (lo == 0) {
            throw new UserInputException("query '" + query + "' with its perturbations does not fit max length " + maxLength
                    + " even with a one-word document; raise --max-length");
        }
        return Words.firstWords(doc, lo);
    }

    /** Whether a query with this document fits. */
    public boolean fits(String query, String doc) {
        return fits(tokenizer.ids(query).length, List.of(doc));
    }

    private boolean fits(int queryTokens, List<String> docs) {
        for (String d : docs) {
            if (queryTokens + tokenizer.ids(d).length + 3 > maxLength) {
                return false;
            }
        }
        return true;
    }
}
