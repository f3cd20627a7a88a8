package dev.pathway.circuits.linear;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded split of queries (never of pairs) into train and test: the sorted query keys are
 * shuffled with the seed and the first round(fraction x n) become test (at least one, and at least
 * one query stays in train when there are two or more). Every pair of a query follows its query, so
 * no query is in both parts.
 *
 * @param train query keys of the training part, sorted
 * @param test query keys of the test part, sorted
 */
public record QuerySplit(Set<String> train, Set<String> test) {

    public static QuerySplit of(Collection<String> queryKeys, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        List<String> keys = new ArrayList<>(new TreeSet<>(queryKeys));
        Collections.shuffle(keys, new Random(seed));
        int n = keys.size();
        int nTest = (int) Math.round(testFraction * n);
        nTest = Math.max(n >= 2 ? 1 : 0, Math.min(nTest, n - 1));
        if (n == 1) {
            nTest = 0;
        }
        return new QuerySplit(new TreeSet<>(keys.subList(nTest, n)), new TreeSet<>(keys.subList(0, nTest)));
    }

    public boolean isTest(String queryKey) {
        return test.contains(queryKey);
    }
}
