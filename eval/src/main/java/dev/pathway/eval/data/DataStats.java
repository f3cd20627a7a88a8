package dev.pathway.eval.data;

import dev.pathway.core.tokenize.PairTokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of a data set, from one streaming pass over the corpus: documents, mean document length
 * in whitespace-separated words and (given a tokenizer) in word pieces of {@code title + " " +
 * text}; queries; per split, judged queries, judgments per grade and queries without any relevant
 * document.
 *
 * @param dataSet the data set's label
 * @param documents number of documents
 * @param meanWords mean words per document (title + text)
 * @param meanTokens mean word pieces per document, or NaN without a tokenizer
 * @param tokenizer the tokenizer file used, or null
 * @param queries number of queries in queries.jsonl
 * @param splits per-split counts, in the data set's split order
 */
public record DataStats(String dataSet, long documents, double meanWords, double meanTokens, String tokenizer, int queries,
        Map<String, SplitStats> splits) {

    /**
     * @param queries queries with judgments in the split
     * @param judgments judgment lines
     * @param perGrade judgment lines per grade
     * @param queriesWithoutRelevant queries whose judgments are all below grade 1
     */
    public record SplitStats(int queries, long judgments, Map<Integer, Long> perGrade, int queriesWithoutRelevant) {}

    /** Computes the statistics; {@code tokenizer} may be null. */
    public static DataStats compute(DataSet ds, PairTokenizer tokenizer) {
        long[] docs = {0};
        long[] words = {0};
        long[] tokens = {0};
        List<String> batch = new ArrayList<>();
        ds.forEachDocument(d -> {
            String t = d.fullText();
            docs[0]++;
            words[0] += countWords(t);
            if (tokenizer != null) {
                batch.add(t);
                if (batch.size() == 256) {
                    tokens[0] += pieces(tokenizer, batch);
                    batch.clear();
                }
            }
        });
        if (tokenizer != null && !batch.isEmpty()) {
            tokens[0] += pieces(tokenizer, batch);
        }
        Map<String, SplitStats> splits = new LinkedHashMap<>();
        for (String s : ds.splits()) {
            Qrels q = ds.qrels(s);
            int none = 0;
            for (String id : q.queryIds()) {
                if (q.relevantCount(id) == 0) {
                    none++;
                }
            }
            splits.put(s, new SplitStats(q.queryIds().size(), q.size(), q.gradeCounts(), none));
        }
        return new DataStats(ds.label(), docs[0], (double) words[0] / docs[0],
                tokenizer == null ? Double.NaN : (double) tokens[0] / docs[0],
                tokenizer == null ? null : tokenizer.source().toString(), ds.queries().size(), splits);
    }

    private static long pieces(PairTokenizer tokenizer, List<String> texts) {
        long n = 0;
        for (long[] ids : tokenizer.batchIds(texts)) {
            n += ids.length;
        }
        return n;
    }

    static int countWords(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean ws = Character.isWhitespace(s.charAt(i));
            if (!ws && !in) {
                n++;
            }
            in = !ws;
        }
        return n;
    }
}
