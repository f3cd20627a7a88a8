package dev.pathway.circuits.discover;

import dev.pathway.core.util.UserInputException;
import java.util.Set;

/**
 * The threshold rule and extent of the backward search.
 *
 * @param fraction a sender is kept when its effect is at least this fraction of the largest effect
 *     of its step (default 0.3: the paper's "above 30% of the maximum")
 * @param minEffect and at least this much (guards against keeping noise when every effect is tiny)
 * @param aggregate which aggregate ranks senders: {@code mean_m} or {@code ratio_of_means}
 * @param inputs receiver inputs patched when tracing into a head (default v: the paper patched the
 *     scoring heads' value vectors)
 * @param maxDepth levels below the logits to search (0: only heads direct to the logits)
 * @param maxReceivers at most this many heads of a level are traced further, the strongest first
 *     (each costs a sweep of two runs per sender and pair); 0 = all
 */
public record DiscoveryOptions(double fraction, double minEffect, String aggregate, Set<String> inputs, int maxDepth, int maxReceivers) {
    public DiscoveryOptions {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new UserInputException("--threshold must be in (0, 1], got " + fraction);
        }
        if (!aggregate.equals("mean_m") && !aggregate.equals("ratio_of_means")) {
            throw new UserInputException("--rank-by must be mean_m or ratio_of_means, got '" + aggregate + "'");
        }
        if (maxReceivers < 0) {
            throw new UserInputException("--max-receivers must be >= 0");
        }
        if (maxDepth < 0) {
            throw new UserInputException("--depth must be >= 0");
        }
        inputs = Set.copyOf(inputs);
        if (inputs.isEmpty() || !Set.of("q", "k", "v").containsAll(inputs)) {
            throw new UserInputException("--receiver-input must be q, k, v or a combination such as qkv, got " + inputs);
        }
    }

    public static DiscoveryOptions defaults() {
        return new DiscoveryOptions(0.3, 0.0, "mean_m", Set.of("v"), 3, 0);
    }
}
