package dev.pathway.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.pathway.core.checkpoint.RawTensor;
import dev.pathway.core.tokenize.Tensors;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Puts HuggingFace tensors into a {@link CrossEncoderBlock}'s parameters: accepts names with and
 * without the {@code bert.} prefix and the old {@code gamma/beta} LayerNorm names, checks shapes
 * and element types, and reports missing and unknown tensors.
 */
public final class WeightLoader {
    private static final Logger LOG = LogManager.getLogger(WeightLoader.class);
    /** Buffers HuggingFace stores next to the weights; not parameters. */
    private static final Set<String> IGNORED = Set.of("bert.embeddings.position_ids");

    private WeightLoader() {}

    /** What a load found. */
    public record Report(List<String> missing, List<String> unknown) {}

    /** The HuggingFace sequence-classification name for a stored tensor name. */
    public static String normalize(String name) {
        String n = name;
        if (n.startsWith("embeddings.") || n.startsWith("encoder.") || n.startsWith("pooler.")) {
            n = "bert." + n;
        }
        if (n.endsWith(".gamma")) {
            n = n.substring(0, n.length() - ".gamma".length()) + ".weight";
        } else if (n.endsWith(".beta")) {
            n = n.substring(0, n.length() - ".beta".length()) + ".bias";
        }
        return n;
    }

    /**
     * Loads tensors into the block's parameters. Parameters without a tensor stay unset and are
     * returned in {@link Report#missing()}; the caller decides whether that is an error.
     */
    public static Report load(CrossEncoderBlock block, Map<String, RawTensor> stored, NDManager manager, String source) {
        Map<String, RawTensor> byName = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        Map<String, Parameter> params = block.parametersByHfName();
        for (RawTensor t : stored.values()) {
            String n = normalize(t.name());
            if (IGNORED.contains(n)) {
                continue;
            }
            if (!params.containsKey(n)) {
                unknown.add(t.name());
                continue;
            }
            if (byName.put(n, t) != null) {
                throw new UserInputException(source + ": tensor '" + n + "' is stored twice (with and without a prefix)");
            }
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            RawTensor t = byName.get(e.getKey());
            if (t == null) {
                missing.add(e.getKey());
                continue;
            }
            Shape expected = block.shapeOf(e.getKey());
            if (!Arrays.equals(expected.getShape(), t.shape())) {
                throw new UserInputException(
                        source + ": tensor '" + t.name() + "' has shape " + t.shapeString()
                                + " but the config expects " + Arrays.toString(expected.getShape()));
            }
            if (!t.dtype().isFloating()) {
                throw new UserInputException(
                        source + ": tensor '" + t.name() + "' has dtype " + t.dtype() + "; weights must be floating point");
            }
            setArray(e.getValue(), toFloat32(manager, t));
        }
        if (!unknown.isEmpty()) {
            LOG.warn("{}: ignoring {} unknown tensors: {}", source, unknown.size(), abbreviate(unknown));
        }
        return new Report(missing, unknown);
    }

    /**
     * Gives a parameter its values. DJL allows {@code setArray} once; later values are copied into
     * the existing array, so every holder of the parameter sees them.
     */
    public static void setArray(Parameter p, NDArray array) {
        if (!p.isInitialized()) {
            p.setArray(array);
            return;
        }
        if (!p.getArray().getShape().equals(array.getShape())) {
            throw new IllegalArgumentException(
                    "parameter " + p.getName() + " has shape " + p.getArray().getShape() + ", new values " + array.getShape());
        }
        try (dev.pathway.core.engine.GradMode.Scope off = dev.pathway.core.engine.GradMode.off()) {
            array.copyTo(p.getArray());
        }
        array.close();
    }

    private static NDArray toFloat32(NDManager manager, RawTensor t) {
        Shape shape = new Shape(t.shape());
        DataType stored = switch (t.dtype()) {
            case F32 -> DataType.FLOAT32;
            case F16 -> DataType.FLOAT16;
            case BF16 -> DataType.BFLOAT16;
            case F64 -> DataType.FLOAT64;
            default -> throw new IllegalStateException("not floating: " + t.dtype());
        };
        NDArray a = Tensors.owned(manager, t.data().duplicate(), shape, stored);
        if (stored == DataType.FLOAT32) {
            return a;
        }
        NDArray f = a.toType(DataType.FLOAT32, false);
        a.close();
        return f;
    }

    static String abbreviate(List<String> names) {
        return names.size() <= 8 ? names.toString() : names.subList(0, 8) + " and " + (names.size() - 8) + " more";
    }
}
