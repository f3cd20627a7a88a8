package dev.pathway.eval.data;

import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A retrieval run: for each query, scored documents. Each query's list is kept in trec_eval's
 * ranking order ({@link ScoredDoc#TREC_ORDER}), whatever order the documents were added in, so
 * {@link #ranked(String)} is what trec_eval evaluates. A document may occur once per query.
 * Immutable; build one with {@link Builder}.
 */
public final class Run {
    private final String name;
    private final Map<String, List<ScoredDoc>> byQuery;

    private Run(String name, Map<String, List<ScoredDoc>> byQuery) {
        this.name = name;
        this.byQuery = byQuery;
    }

    /** The run tag (last column of a TREC run file). */
    public String name() {
        return name;
    }

    /** Query ids in the order they first appeared. */
    public Set<String> queryIds() {
        return byQuery.keySet();
    }

    public boolean contains(String queryId) {
        return byQuery.containsKey(queryId);
    }

    /** The documents of a query in trec_eval order (empty if the query is absent). */
    public List<ScoredDoc> ranked(String queryId) {
        return byQuery.getOrDefault(queryId, List.of());
    }

    /** The first {@code k} documents of a query in trec_eval order. */
    public List<ScoredDoc> top(String queryId, int k) {
        List<ScoredDoc> r = ranked(queryId);
        return r.size() <= k ? r : r.subList(0, k);
    }

    /** Total number of (query, document) entries. */
    public long size() {
        long n = 0;
        for (List<ScoredDoc> l : byQuery.values()) {
            n += l.size();
        }
        return n;
    }

    /** The same run cut to the top {@code k} documents per query. */
    public Run cut(int k) {
        Builder b = new Builder(name);
        for (String q : queryIds()) {
            for (ScoredDoc d : top(q, k)) {
                b.add(q, d.docId(), d.score());
            }
        }
        return b.build();
    }

    /** The same run under another tag. */
    public Run withName(String newName) {
        return new Run(newName, byQuery);
    }

    /** Accumulates a run; duplicates of a (query, document) pair are rejected. */
    public static final class Builder {
        private final String name;
        private final Map<String, List<ScoredDoc>> byQuery = new LinkedHashMap<>();
        private final Map<String, Set<String>> seen = new LinkedHashMap<>();

        public Builder(String name) {
            if (name == null || name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new UserInputException("run tag '" + name + "' must be non-empty and without spaces");
            }
            this.name = name;
        }

        /** Adds a document; returns false (and changes nothing) if it is already in the query's list. */
        public boolean add(String queryId, String docId, double score) {
            if (!seen.computeIfAbsent(queryId, q -> new HashSet<>()).add(docId)) {
                return false;
            }
            byQuery.computeIfAbsent(queryId, q -> new ArrayList<>()).add(new ScoredDoc(docId, score));
            return true;
        }

        /** Makes sure a query appears, even with no documents (e.g. a query that retrieved nothing). */
        public Builder ensureQuery(String queryId) {
            byQuery.computeIfAbsent(queryId, q -> new ArrayList<>());
            seen.computeIfAbsent(queryId, q -> new HashSet<>());
            return this;
        }

        public Run build() {
            Map<String, List<ScoredDoc>> frozen = new LinkedHashMap<>();
            byQuery.forEach((q, l) -> {
                List<ScoredDoc> sorted = new ArrayList<>(l);
                sorted.sort(ScoredDoc.TREC_ORDER);
                frozen.put(q, Collections.unmodifiableList(sorted));
            });
            return new Run(name, Collections.unmodifiableMap(frozen));
        }
    }
}
