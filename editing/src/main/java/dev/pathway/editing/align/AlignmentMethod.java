package dev.pathway.editing.align;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.editing.edit.U0Change;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.SvdTriplets;

/** How target IDF values become U0 values. One method per class. */
public interface AlignmentMethod {
    /** "zscore" or "regression". */
    String name();

    /** The new U0 of every token with a known target IDF; tokens without one are not in the change. */
    U0Change plan(SvdTriplets orientedSvd, IdfTable target);

    /** The method's parameters and fitted statistics, for provenance (valid after {@link #plan}). */
    ObjectNode params();
}
