package dev.pathway.core.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Builds damaged or altered copies of a real checkpoint for tests. */
final class Fixtures {
    private Fixtures() {}

    /** Copies config and tokenizer files, and rewrites the weights through {@code edit}. */
    static Path copyWithTensors(Path src, Path dst, UnaryOperator<List<RawTensor>> edit) throws IOException {
        copyFiles(src, dst);
        List<RawTensor> tensors = new ArrayList<>(SafeTensors.read(src.resolve(Checkpoints.WEIGHTS)).values());
        SafeTensors.write(dst.resolve(Checkpoints.WEIGHTS), edit.apply(tensors), Map.of());
        return dst;
    }

    /** Copies everything but the weights. */
    static Path copyFiles(Path src, Path dst) throws IOException {
        Files.createDirectories(dst);
        for (String f : List.of(Checkpoints.CONFIG, Checkpoints.TOKENIZER, Checkpoints.TOKENIZER_CONFIG)) {
            Files.copy(src.resolve(f), dst.resolve(f));
        }
        return dst;
    }

    /** IEEE 754 binary16 of a float (round to nearest even; values here are normal or zero). */
    static short half(float f) {
        int bits = Float.floatToIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = ((bits >>> 23) & 0xff) - 127 + 15;
        int mant = bits & 0x7fffff;
        if (exp <= 0) {
            if (exp < -10) {
                return (short) sign;
            }
            mant |= 0x800000;
            int shift = 14 - exp;
            int halfMant = mant >> shift;
            int rem = mant & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (rem > halfway || (rem == halfway && (halfMant & 1) == 1)) {
                halfMant++;
            }
            return (short) (sign | halfMant);
        }
        int halfMant = mant >> 13;
        int rem = mant & 0x1fff;
        int h = sign | (exp << 10) | halfMant;
        if (rem > 0x1000 || (rem == 0x1000 && (halfMant & 1) == 1)) {
            h++;
        }
        return (short) h;
    }

    static RawTensor toF16(RawTensor t, String name) {
        ByteBuffer src = t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int n = src.remaining() / 4;
        ByteBuffer out = ByteBuffer.allocateDirect(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            out.putShort(half(src.getFloat()));
        }
        out.flip();
        return new RawTensor(name, DType.F16, t.shape(), out);
    }
}
