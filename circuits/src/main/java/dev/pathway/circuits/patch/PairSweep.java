package dev.pathway.circuits.patch;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.core.model.CrossEncoder;
import java.io.Serializable;

/**
 * The per-pair step of a patching sweep (activation or path patching): what is patched, on which
 * grid, with which batch budget. It holds plain values only, so a distributed engine can ship it
 * to the machines that hold the model; what it builds from the model is rebuilt there.
 */
public interface PairSweep extends Serializable {
    /** The grid every pair's values are laid out on. */
    GridSpec grid();

    /** A short name for progress bars and logs. */
    String task();

    /** The effects of one pair on {@code model}. */
    PairEffect run(CrossEncoder model, AlignedPair pair);
}
