package dev.pathway.core.hooks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.pathway.core.util.UserInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Activations cached during a forward pass, by hook name. The arrays belong to the cache's own
 * manager: they stay valid until the cache is closed.
 */
public final class ActivationCache implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> activations = new LinkedHashMap<>();

    public ActivationCache(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    /** Stores a view of the activation (no copy) owned by this cache. */
    void put(String name, NDArray activation) {
        NDArray view = activation.reshape(activation.getShape());
        view.attach(manager);
        NDArray old = activations.put(name, view);
        if (old != null) {
            old.close();
        }
    }

    public NDArray get(String name) {
        NDArray a = activations.get(name);
        if (a == null) {
            throw new UserInputException(
                    "activation '" + name + "' was not cached; cached: " + activations.keySet());
        }
        return a;
    }

    public boolean has(String name) {
        return activations.containsKey(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(activations.keySet());
    }

    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
        activations.clear();
    }
}
