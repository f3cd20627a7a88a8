package dev.pathway.trainer.data;

import java.util.List;
import java.util.Random;
import java.util.Set;

/** Draws negative documents for a query's positive. One strategy per implementation. */
public interface NegativeSampler {
    /**
     * @param queryId the query
     * @param exclude documents that must not be drawn (the query's judged-relevant ones)
     * @param count how many to draw
     * @param random the run's sampling RNG
     * @return document ids, {@code count} of them unless the pool is too small
     */
    List<String> sample(String queryId, Set<String> exclude, int count, Random random);

    /** A short name for plans and provenance. */
    String name();
}
