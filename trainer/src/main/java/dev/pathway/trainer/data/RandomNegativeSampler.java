package dev.pathway.trainer.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Negatives drawn uniformly from the whole corpus, excluding the query's relevant documents (the paper). */
public final class RandomNegativeSampler implements NegativeSampler {
    private final List<String> corpusIds;

    public RandomNegativeSampler(List<String> corpusIds) {
        this.corpusIds = List.copyOf(corpusIds);
    }

    @Override
    public List<String> sample(String queryId, Set<String> exclude, int count, Random random) {
        Set<String> picked = new LinkedHashSet<>();
        int tries = 0;
        while (picked.size() < count && tries++ < 100 * count) {
            String d = corpusIds.get(random.nextInt(corpusIds.size()));
            if (!exclude.contains(d)) {
                picked.add(d);
            }
        }
        return new ArrayList<>(picked);
    }

    @Override
    public String name() {
        return "random";
    }
}
