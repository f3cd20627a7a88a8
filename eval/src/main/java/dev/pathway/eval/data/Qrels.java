package dev.pathway.eval.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Relevance judgments: query id to (document id to grade), in file order. A grade is an integer;
 * as in trec_eval, a document is relevant when its grade is at least 1, its nDCG gain is its grade
 * (grades below 1 give no gain), and a document absent from the judgments is unjudged and counts
 * as non-relevant. Immutable; build one with {@link Builder}.
 */
public final class Qrels {
    private final Map<String, Map<String, Integer>> byQuery;
    private final String source;

    private Qrels(Map<String, Map<String, Integer>> byQuery, String source) {
        this.byQuery = byQuery;
        this.source = source;
    }

    /** Where the judgments came from (a file path or a description). */
    public String source() {
        return source;
    }

    /** Query ids with at least one judgment line, in file order. */
    public Set<String> queryIds() {
        return byQuery.keySet();
    }

    public boolean contains(String queryId) {
        return byQuery.containsKey(queryId);
    }

    /** The judgments of one query (empty if none). */
    public Map<String, Integer> judgments(String queryId) {
        return byQuery.getOrDefault(queryId, Map.of());
    }

    /** Number of judged documents with grade >= 1 for a query. */
    public int relevantCount(String queryId) {
        int n = 0;
        for (int g : judgments(queryId).values()) {
            if (g >= 1) {
                n++;
            }
        }
        return n;
    }

    /** Number of judgment lines. */
    public long size() {
        long n = 0;
        for (Map<String, Integer> m : byQuery.values()) {
            n += m.size();
        }
        return n;
    }

    /** Judgment lines per grade, by ascending grade. */
    public Map<Integer, Long> gradeCounts() {
        Map<Integer, Long> out = new TreeMap<>();
        for (Map<String, Integer> m : byQuery.values()) {
            for (int g : m.values()) {
                out.merge(g, 1L, Long::sum);
            }
        }
        return out;
    }

    /** The judgments restricted to some queries (file order kept). */
    public Qrels restrictTo(Set<String> queryIds) {
        Builder b = new Builder(source);
        for (var e : byQuery.entrySet()) {
            if (queryIds.contains(e.getKey())) {
                e.getValue().forEach((d, g) -> b.add(e.getKey(), d, g));
            }
        }
        return b.build();
    }

    /** Accumulates judgments; a (query, document) pair may occur only once. */
    public static final class Builder {
        private final Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
        private final String source;

        public Builder(String source) {
            this.source = source;
        }

        /** Adds one judgment; returns false (and changes nothing) if the pair is already judged. */
        public boolean add(String queryId, String docId, int grade) {
            return byQuery.computeIfAbsent(queryId, q -> new LinkedHashMap<>()).putIfAbsent(docId, grade) == null;
        }

        public Qrels build() {
            Map<String, Map<String, Integer>> frozen = new LinkedHashMap<>();
            byQuery.forEach((q, m) -> frozen.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
            return new Qrels(Collections.unmodifiableMap(frozen), source);
        }
    }
}
