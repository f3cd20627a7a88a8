package dev.pathway.editing.causal;

import dev.pathway.core.tokenize.PairEncoding;

/**
 * One sample of the section 4.4 test: a query whose first word is tok1 and second word tok2;
 * doc1 repeats tok1, doc2 repeats tok2 (at the word-piece level, so tokenization cannot differ).
 *
 * @param queryId query id
 * @param query query text
 * @param word1 the first word (its pieces joined)
 * @param word2 the second word
 * @param tok1Ids the word pieces of word1 (edited)
 * @param tok2Ids the word pieces of word2
 * @param doc1 [CLS] query [SEP] tok1 x r [SEP]
 * @param doc2 [CLS] query [SEP] tok2 x r [SEP]
 * @param tok1Positions positions of word1's pieces in the query part (where [CLS] attention is read)
 */
public record DocPairSample(
        String queryId,
        String query,
        String word1,
        String word2,
        int[] tok1Ids,
        int[] tok2Ids,
        PairEncoding doc1,
        PairEncoding doc2,
        int[] tok1Positions) {}
