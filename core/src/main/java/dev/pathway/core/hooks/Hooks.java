package dev.pathway.core.hooks;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one forward pass should do at its hook points: which activations to cache, which to
 * replace, and where to start and stop. Immutable; build with {@link #builder()}. There is no
 * global hook state: a forward without a {@code Hooks} runs plain.
 */
public final class Hooks {
    private static final Hooks NONE = builder().build();

    private final Set<String> cache;
    private final Map<String, List<Patch>> patches;
    private final int startLayer;
    private final NDArray startResid;
    private final int stopBeforeLayer;

    private Hooks(Builder b) {
        this.cache = Set.copyOf(b.cache);
        Map<String, List<Patch>> p = new HashMap<>();
        b.patches.forEach((k, v) -> p.put(k, List.copyOf(v)));
        this.patches = Map.copyOf(p);
        this.startLayer = b.startLayer;
        this.startResid = b.startResid;
        this.stopBeforeLayer = b.stopBeforeLayer;
    }

    public static Hooks none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> cacheNames() {
        return cache;
    }

    public Map<String, List<Patch>> patches() {
        return patches;
    }

    public boolean isEmpty() {
        return cache.isEmpty() && patches.isEmpty() && startResid == null && stopBeforeLayer < 0;
    }

    /** The layer the forward starts at (0: from the embeddings). */
    public int startLayer() {
        return startLayer;
    }

    /**
     * The residual stream [batch, pos, d_model] that enters {@link #startLayer()}, or null to
     * compute it (from the embeddings). At layer 0 it replaces the embeddings' output.
     */
    public NDArray startResid() {
        return startResid;
    }

    /** The forward stops before this layer (no logits); -1 runs to the end. */
    public int stopBeforeLayer() {
        return stopBeforeLayer;
    }

    boolean touches(String name) {
        return cache.contains(name) || patches.containsKey(name);
    }

    /** A builder of hooks. */
    public static final class Builder {
        private final Set<String> cache = new HashSet<>();
        private final Map<String, List<Patch>> patches = new HashMap<>();
        private int startLayer;
        private NDArray startResid;
        private int stopBeforeLayer = -1;

        /** Cache these activations. */
        public Builder cache(String... names) {
            cache.addAll(List.of(names));
            return this;
        }

        public Builder cache(Collection<String> names) {
            cache.addAll(names);
            return this;
        }

        /** Replace an activation; several patches on one name apply in the order given. */
        public Builder patch(String name, Patch patch) {
            patches.computeIfAbsent(name, k -> new ArrayList<>()).add(patch);
            return this;
        }

        /**
         * Start the forward at layer {@code layer}, from this residual stream (the value of
         * {@code blocks.{layer}.hook_resid_pre}), skipping the embeddings and earlier layers.
         */
        public Builder startAt(int layer, NDArray residPre) {
            if (layer < 0) {
                throw new IllegalArgumentException("start layer must be >= 0");
            }
            this.startLayer = layer;
            this.startResid = residPre;
            return this;
        }

        /** Stop before this layer: no later layers, no pooler, no logits. */
        public Builder stopBefore(int layer) {
            this.stopBeforeLayer = layer;
            return this;
        }

        public Hooks build() {
            if (startLayer > 0 && startResid == null) {
                throw new IllegalArgumentException("startAt needs a residual stream");
            }
            return new Hooks(this);
        }
    }
}
