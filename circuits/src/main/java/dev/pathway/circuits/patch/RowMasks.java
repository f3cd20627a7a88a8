package dev.pathway.circuits.patch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pathway.core.hooks.HookLayout;
import dev.pathway.core.hooks.Patch;

/**
 * Builds one patch that writes P's activation into different heads and positions of different
 * batch rows at once (row r gets its own cell), so many cells share one forward pass. The mask
 * has the activation's shape with the last axis collapsed to 1.
 */
final class RowMasks {
    private RowMasks() {}

    /**
     * @param shape the activation's shape in the batched run ([rows, ...])
     * @param layout its layout
     * @param rowCells the cell of each row, or null for rows this hook leaves alone
     */
    static NDArray mask(NDManager m, Shape shape, HookLayout layout, Cell[] rowCells) {
        int dims = shape.dimension();
        long[] mdims = shape.getShape().clone();
        mdims[dims - 1] = 1;
        Shape ms = new Shape(mdims);
        int total = (int) ms.size();
        boolean[] flags = new boolean[total];
        int rows = (int) mdims[0];
        int per = total / rows;
        int posAxis = layout.positionAxis();
        int headAxis = layout.headAxis();
        long[] strides = new long[dims];
        long s = 1;
        for (int d = dims - 1; d >= 0; d--) {
            strides[d] = s;
            s *= mdims[d];
        }
        for (int r = 0; r < rows; r++) {
            Cell c = rowCells[r];
            if (c == null) {
                continue;
            }
            for (int i = 0; i < per; i++) {
                long flat = (long) r * per + i;
                boolean on = true;
                if (posAxis >= 0 && c.positions() != null) {
                    on = contains(c.positions(), (int) ((flat / strides[posAxis]) % mdims[posAxis]));
                }
                if (on && headAxis >= 0 && c.heads() != null) {
                    on = contains(c.heads(), (int) ((flat / strides[headAxis]) % mdims[headAxis]));
                }
                flags[(int) flat] = on;
            }
        }
        return NdBooleans.owned(m, flags, ms);
    }

    /** A patch that takes {@code source} (broadcast from [1, ...]) where the mask is on. */
    static Patch where(NDArray mask, NDArray source) {
        return Patch.function((act, name, layout) -> {
            Shape s = act.getShape();
            return NDArrays.where(mask.broadcast(s), source.broadcast(s), act);
        });
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
