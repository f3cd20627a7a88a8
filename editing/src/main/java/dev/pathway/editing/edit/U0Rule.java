package dev.pathway.editing.edit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A token IDF dial: gives a token's U0 value (its coordinate on the top singular direction of
 * W_E, oriented so that U0 correlates negatively with IDF) a new value. One rule per class.
 */
public interface U0Rule {
    /** Short name recorded in provenance and reports ("increase", "decrease", "target-idf"). */
    String name();

    /** The new U0 of {@code tokenId}, whose current U0 is {@code u0}. */
    double newU0(int tokenId, double u0);

    /** The rule's parameters, for provenance. */
    ObjectNode params();
}
