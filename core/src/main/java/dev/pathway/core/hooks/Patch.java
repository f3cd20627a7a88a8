package dev.pathway.core.hooks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pathway.core.util.UserInputException;
import java.util.Arrays;

/**
 * A replacement of one activation: by given values or by a function of the activation, optionally
 * only for some batch rows, positions and heads (the rest keeps its value, bit for bit).
 */
public final class Patch {
    private final NDArray values;
    private final HookFunction function;
    private final int[] rows;
    private final int[] positions;
    private final int[] heads;

    private Patch(NDArray values, HookFunction function, int[] rows, int[] positions, int[] heads) {
        this.values = values;
        this.function = function;
        this.rows = rows;
        this.positions = positions;
        this.heads = heads;
    }

    /** Replace by these values (same shape as the activation, or broadcastable to it). */
    public static Patch values(NDArray values) {
        return new Patch(values, null, null, null, null);
    }

    /** Replace by a function of the activation. */
    public static Patch function(HookFunction function) {
        return new Patch(null, function, null, null, null);
    }

    /** Only these batch rows. */
    public Patch rows(int... rows) {
        return new Patch(values, function, rows.clone(), positions, heads);
    }

    /** Only these positions (query positions for attention scores and patterns). */
    public Patch positions(int... positions) {
        return new Patch(values, function, rows, positions.clone(), heads);
    }

    /** Only these heads. */
    public Patch heads(int... heads) {
        return new Patch(values, function, rows, positions, heads.clone());
    }

    /** Whether this patch replaces the whole activation by fixed values (no selector, no function). */
    boolean replacesWhole() {
        return values != null && !selective();
    }

    NDArray values() {
        return values;
    }

    boolean selective() {
        return rows != null || positions != null || heads != null;
    }

    /** Validates the selectors against a hook's layout; errors name the hook. */
    void check(String name, HookLayout layout, int numHeads) {
        if (positions != null && layout.positionAxis() < 0) {
            throw new UserInputException("hook " + name + " " + layout.shape() + " has no position axis to select");
        }
        if (heads != null) {
            if (layout.headAxis() < 0) {
                throw new UserInputException("hook " + name + " " + layout.shape() + " has no head axis to select");
            }
            for (int h : heads) {
                if (h < 0 || h >= numHeads) {
                    throw new UserInputException(
                            "head index " + h + " is out of range for hook " + name + " (0.." + (numHeads - 1) + ")");
                }
            }
        }
    }

    /** Applies the patch to an activation; the result is a new array or the given values. */
    NDArray apply(NDArray act, String name, HookLayout layout) {
        NDArray replacement = values != null ? values : function.apply(act, name, layout);
        if (replacement == act) {
            return act;
        }
        if (!selective()) {
            if (!replacement.getShape().equals(act.getShape())) {
                replacement = replacement.broadcast(act.getShape());
            }
            return replacement;
        }
        Shape shape = act.getShape();
        try (NDManager scratch = act.getManager().newSubManager()) {
            NDArray mask = axisMask(scratch, shape, 0, rows);
            if (positions != null) {
                mask = mask.logicalAnd(axisMask(scratch, shape, layout.positionAxis(), positions));
            }
            if (heads != null) {
                mask = mask.logicalAnd(axisMask(scratch, shape, layout.headAxis(), heads));
            }
            NDArray full = replacement.getShape().equals(shape) ? replacement : replacement.broadcast(shape);
            NDArray out = NDArrays.where(mask.broadcast(shape), full, act);
            out.attach(act.getManager());
            return out;
        }
    }

    /** A boolean mask of shape [1,..,n,..,1] (n on {@code axis}) that is true at the indices. */
    private static NDArray axisMask(NDManager m, Shape shape, int axis, int[] indices) {
        int n = (int) shape.get(axis);
        boolean[] flags = new boolean[n];
        if (indices == null) {
            Arrays.fill(flags, true);
        } else {
            for (int i : indices) {
                if (i < 0 || i >= n) {
                    throw new UserInputException("index " + i + " is out of range on an axis of size " + n);
                }
                flags[i] = true;
            }
        }
        long[] dims = new long[shape.dimension()];
        Arrays.fill(dims, 1);
        dims[axis] = n;
        return m.create(flags).reshape(new Shape(dims));
    }
}
