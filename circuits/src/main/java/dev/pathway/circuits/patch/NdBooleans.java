package dev.pathway.circuits.patch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Boolean masks from Java arrays, with their own memory (see core's {@code Tensors}). */
public final class NdBooleans {
    private NdBooleans() {}

    public static NDArray owned(NDManager m, boolean[] flags, Shape shape) {
        try (NDArray view = m.create(flags, shape)) {
            return view.duplicate();
        }
    }
}
