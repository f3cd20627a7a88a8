package dev.pathway.core.hooks;

import ai.djl.ndarray.NDArray;

/** Computes a replacement for an activation from the activation itself. */
@FunctionalInterface
public interface HookFunction {
    /**
     * @param activation the activation at the hook, in the layout of {@code layout}
     * @param name the hook name
     * @param layout the activation's layout
     * @return the replacement, of the activation's shape (or broadcastable to it)
     */
    NDArray apply(NDArray activation, String name, HookLayout layout);
}
