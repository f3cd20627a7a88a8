package dev.pathway.core.hooks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * The state of hooks during one forward pass: applies patches, fills the cache, and keeps every
 * array the forward goes on computing with inside the current scope (so closing the scope frees
 * the intermediates of a layer and nothing else).
 */
public final class HookRun {
    private final Hooks hooks;
    private final HookPoints points;
    private final ActivationCache cache;
    private NDManager scope;

    public HookRun(Hooks hooks, HookPoints points, ActivationCache cache) {
        this.hooks = hooks;
        this.points = points;
        this.cache = cache;
        for (String name : hooks.cacheNames()) {
            points.layout(name);
        }
        hooks.patches().forEach((name, list) -> {
            HookLayout layout = points.layout(name);
            for (Patch p : list) {
                p.check(name, layout, points.config().numHeads());
            }
        });
        if (!hooks.cacheNames().isEmpty() && cache == null) {
            throw new IllegalArgumentException("hooks ask to cache activations but no cache was given");
        }
    }

    public Hooks hooks() {
        return hooks;
    }

    /** Sets the manager that owns the intermediates of the current step. */
    public void enter(NDManager scope) {
        this.scope = scope;
    }

    public NDManager scope() {
        return scope;
    }

    /** Whether anything happens at this hook (so optional activations can be skipped). */
    public boolean wants(String name) {
        return hooks.touches(name);
    }

    /** Whether this hook replaces its activation. */
    public boolean patches(String name) {
        return hooks.patches().containsKey(name);
    }

    /**
     * Passes an activation through its hook point: patches, then caching. The returned array is
     * owned by the current scope.
     */
    public NDArray at(String name, NDArray act) {
        if (!hooks.touches(name)) {
            return act;
        }
        NDArray out = act;
        List<Patch> list = hooks.patches().get(name);
        if (list != null) {
            HookLayout layout = points.layout(name);
            for (Patch p : list) {
                out = p.apply(out, name, layout);
            }
        }
        if (hooks.cacheNames().contains(name)) {
            cache.put(name, out);
        }
        return own(out);
    }

    /**
     * Whether the activation at this hook is replaced as a whole by fixed values (its last patch
     * has values and no selector), so the forward need not compute what only feeds it.
     */
    public boolean replacedWhole(String name) {
        List<Patch> list = hooks.patches().get(name);
        return list != null && list.get(list.size() - 1).replacesWhole();
    }

    /**
     * The activation of a hook that {@link #replacedWhole replaces it whole}, without computing
     * the original: the last patch's values broadcast to {@code shape}, cached if asked. Owned by
     * the current scope.
     */
    public NDArray replacement(String name, ai.djl.ndarray.types.Shape shape) {
        List<Patch> list = hooks.patches().get(name);
        NDArray out = list.get(list.size() - 1).values();
        if (!out.getShape().equals(shape)) {
            out = out.broadcast(shape);
        }
        if (hooks.cacheNames().contains(name)) {
            cache.put(name, out);
        }
        return own(out);
    }

    /** An array owned by the current scope: the array itself, or a view of it (no copy). */
    public NDArray own(NDArray a) {
        if (scope == null || a.getManager() == scope) {
            return a;
        }
        NDArray view = a.reshape(a.getShape());
        view.attach(scope);
        return view;
    }
}
