package dev.pathway.circuits.linear;

import dev.pathway.core.tokenize.PairEncoding;
import java.util.Arrays;

/**
 * One query-document pair of a SemanticBM run.
 *
 * @param dataset the data set's name as given ({@code cranfield}, {@code diagnostic}, ...)
 * @param qid the query id within the data set
 * @param docId the document id
 * @param rank 1-based rank in the candidate list (BM25 rank for BEIR sets, file order for the
 *     diagnostic set)
 * @param encoding {@code [CLS] q [SEP] d [SEP]} as the model reads it
 */
public record LinearPair(String dataset, String qid, String docId, int rank, PairEncoding encoding) {

    /** Unique across data sets: {@code dataset/qid}. */
    public String queryKey() {
        return dataset + "/" + qid;
    }

    /** Number of query word pieces. */
    public int queryLength() {
        return encoding.queryLength();
    }

    /** Query token ids (between [CLS] and the first [SEP]). */
    public long[] queryIds() {
        return Arrays.copyOfRange(encoding.ids(), 1, encoding.firstSep());
    }

    /** Document token ids as the model sees them (between the two [SEP]s, after truncation). */
    public long[] docIds() {
        return Arrays.copyOfRange(encoding.ids(), encoding.docStart(), encoding.lastSep());
    }
}
