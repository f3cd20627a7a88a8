package dev.pathway.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Hard negatives: drawn from a first-stage ranking of the query (e.g. BM25's top-k), excluding the
 * judged-relevant documents.
 */
public final class RankedNegativeSampler implements NegativeSampler {
    private final Map<String, List<String>> rankedByQuery;

    /** @param rankedByQuery per query, document ids in rank order (the candidate pool) */
    public RankedNegativeSampler(Map<String, List<String>> rankedByQuery) {
        this.rankedByQuery = rankedByQuery;
    }

    @Override
    public List<String> sample(String queryId, Set<String> exclude, int count, Random random) {
        List<String> pool = new ArrayList<>();
        for (String d : rankedByQuery.getOrDefault(queryId, List.of())) {
            if (!exclude.contains(d)) {
                pool.add(d);
            }
        }
        java.util.Collections.shuffle(pool, random);
        return pool.subList(0, Math.min(count, pool.size()));
    }

    @Override
    public String name() {
        return "bm25";
    }
}
