package dev.pathway.circuits.patch;

import java.util.List;

/** The axes of a result grid, outermost first; cells are stored flat in row-major order. */
public record GridSpec(List<Axis> axes) implements java.io.Serializable {
    public GridSpec {
        axes = List.copyOf(axes);
    }

    /** A named axis with one label per index. */
    public record Axis(String name, List<String> labels) implements java.io.Serializable {
        public Axis {
            labels = List.copyOf(labels);
        }

        public int size() {
            return labels.size();
        }
    }

    public int size() {
        int n = 1;
        for (Axis a : axes) {
            n *= a.size();
        }
        return n;
    }

    /** Flat index of a cell from one index per axis. */
    public int index(int... idx) {
        int flat = 0;
        for (int i = 0; i < axes.size(); i++) {
            flat = flat * axes.get(i).size() + idx[i];
        }
        return flat;
    }

    /** Per-axis indices of a flat index. */
    public int[] unflatten(int flat) {
        int[] out = new int[axes.size()];
        for (int i = axes.size() - 1; i >= 0; i--) {
            out[i] = flat % axes.get(i).size();
            flat /= axes.get(i).size();
        }
        return out;
    }
}
