package dev.pathway.core.checkpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A tensor as stored in a file: name, element type, shape and little-endian bytes (a direct
 * buffer positioned at 0).
 */
public record RawTensor(String name, DType dtype, long[] shape, ByteBuffer data) {
    public long elements() {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }
}
