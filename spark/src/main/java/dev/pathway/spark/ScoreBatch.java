package dev.pathway.spark;

import dev.pathway.core.tokenize.PairEncoding;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One scoring batch as shipped to an executor: the pairs' positions in the input and their
 * token ids (token types follow from the first [SEP]).
 */
record ScoreBatch(int[] positions, long[][] ids, int[] firstSeps) implements Serializable {
    static ScoreBatch of(List<PairEncoding> pairs, int[] order, int from, int to) {
        int n = to - from;
        int[] pos = new int[n];
        long[][] ids = new long[n][];
        int[] seps = new int[n];
        for (int i = 0; i < n; i++) {
            PairEncoding p = pairs.get(order[from + i]);
            pos[i] = order[from + i];
            ids[i] = p.ids();
            seps[i] = p.firstSep();
        }
        return new ScoreBatch(pos, ids, seps);
    }

    List<PairEncoding> pairs() {
        List<PairEncoding> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            long[] types = new long[ids[i].length];
            java.util.Arrays.fill(types, firstSeps[i] + 1, types.length, 1L);
            out.add(new PairEncoding(ids[i], types, firstSeps[i], 0));
        }
        return out;
    }

    /** Scores of one batch, with the positions they belong to. */
    record Scored(int[] positions, float[] scores) implements Serializable {}
}
