package dev.pathway.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.norm.Dropout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Inverted dropout as {@code torch.nn.functional.dropout} in training: each element is kept with
 * probability 1 - p and scaled by 1 / (1 - p), and the backward multiplies by the same mask.
 *
 * <p>PyTorch draws its mask with MKL's vectorized generator on Intel CPUs only; elsewhere (AMD,
 * ARM) it draws a 53-bit uniform double per element, serially, which in a profile at length 256
 * was about a quarter of a training step. There this class compares a float uniform (one 32-bit
 * draw) with p and scales in vectorized passes, which takes a third or more off each call; the
 * keep probability differs from 1 - p by under 2^-24. Either way the draws come from PyTorch's
 * global generator, so a seeded step draws the same masks every time on the same machine.
 */
final class TrainingDropout {
    private static final boolean TORCH_DRAWS_FAST = isIntel();

    private TrainingDropout() {}

    static NDArray apply(NDArray x, double p) {
        if (p <= 0) {
            return x;
        }
        if (TORCH_DRAWS_FAST) {
            return Dropout.dropout(x, (float) p, true).head();
        }
        NDArray uniform = x.getManager().randomUniform(0f, 1f, x.getShape(), DataType.FLOAT32);
        NDArray mask = uniform.gte((float) p).toType(x.getDataType(), false).muli(1.0 / (1.0 - p));
        return x.mul(mask);
    }

    /** Whether the CPU is Intel's (PyTorch's test for its MKL path); false where unknown. */
    private static boolean isIntel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("vendor_id")).findFirst().map(l -> l.contains("GenuineIntel")).orElse(false);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
