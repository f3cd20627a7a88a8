package dev.pathway.eval.bm25;

import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.Run;

/**
 * One-call BM25 first stage for library users (the trainer's hard negatives, SemanticBM's
 * candidates): the cached index of the data set's corpus, searched with the split's queries.
 */
public final class Bm25 {
    /** BEIR's and Anserini's depth: 1,000 hits per query. */
    public static final int DEFAULT_HITS = 1000;

    private Bm25() {}

    /** BM25 run of a split's judged queries, {@code hits} per query, tagged {@code bm25}. */
    public static Run run(DataSet dataSet, String split, Bm25Params params, int hits) {
        try (Bm25Index index = Bm25Index.openOrBuild(dataSet)) {
            return index.search(dataSet.queries(split), params, hits, "bm25");
        }
    }

    /** BM25 top-{@code k} candidates of a split with Anserini's parameters. */
    public static Run candidates(DataSet dataSet, String split, int k) {
        return run(dataSet, split, Bm25Params.ANSERINI, k);
    }
}
