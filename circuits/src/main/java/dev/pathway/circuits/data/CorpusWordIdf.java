package dev.pathway.circuits.data;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Word IDF over the base data's own documents, with the BM25/Lucene formula the MS MARCO table
 * uses: {@code idf = ln((N + 1) / (df + 0.5))}, N = distinct documents, df = documents that
 * contain the word. A word no document contains gets the largest value, {@code ln((N+1)/0.5)}.
 */
public final class CorpusWordIdf implements TermIdf {
    private final Map<String, Integer> df;
    private final int n;

    public CorpusWordIdf(BaseData base) {
        Map<String, Integer> counts = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (BaseData.Query q : base.queries()) {
            for (BaseData.Doc d : q.docs()) {
                if (!seen.add(d.id().isEmpty() ? d.text() : d.id())) {
                    continue;
                }
                for (String w : new HashSet<>(Words.words(d.text()))) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        this.df = counts;
        this.n = seen.size();
    }

    public int documents() {
        return n;
    }

    @Override
    public double idf(String word) {
        return Math.log((n + 1.0) / (df.getOrDefault(word, 0) + 0.5));
    }
}
