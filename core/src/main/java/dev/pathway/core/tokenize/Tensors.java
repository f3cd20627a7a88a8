package dev.pathway.core.tokenize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Creates NDArrays whose memory belongs to PyTorch.
 *
 * <p>Why: on CPU, DJL's {@code manager.create(...)} wraps a Java direct buffer with
 * {@code torch::from_blob}; the buffer lives only as long as the Java NDArray object. A view or an
 * autograd node that outlives that object then reads freed memory, which shows up as garbage or
 * non-finite gradients. Cloning once at creation gives the tensor its own storage.
 */
public final class Tensors {
    private Tensors() {}

    public static NDArray owned(NDManager manager, float[] data, Shape shape) {
        try (NDArray view = manager.create(data, shape)) {
            return view.duplicate();
        }
    }

    public static NDArray ownedLongs(NDManager manager, long[] data, Shape shape) {
        try (NDArray view = manager.create(data, shape)) {
            return view.duplicate();
        }
    }

    public static NDArray owned(NDManager manager, java.nio.Buffer data, Shape shape, ai.djl.ndarray.types.DataType type) {
        try (NDArray view = manager.create(data, shape, type)) {
            return view.duplicate();
        }
    }
}
