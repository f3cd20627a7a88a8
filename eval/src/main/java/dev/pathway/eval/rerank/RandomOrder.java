package dev.pathway.eval.rerank;

import dev.pathway.core.util.Seeds;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.ScoredDoc;
import java.util.SplittableRandom;

/**
 * The chance baseline of a reranker: the same pool (each query's documents) in a uniformly random
 * order, one order per seed. A reranker whose head is untrained should score like this.
 */
public final class RandomOrder {
    private RandomOrder() {}

    /** The pool with independent uniform random scores (distinct with probability 1), from {@code seed}. */
    public static Run shuffle(Run pool, long seed, String tag) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "random-order"));
        Run.Builder b = new Run.Builder(tag);
        for (String q : pool.queryIds()) {
            for (ScoredDoc d : pool.ranked(q)) {
                b.add(q, d.docId(), rng.nextDouble());
            }
        }
        return b.build();
    }
}
