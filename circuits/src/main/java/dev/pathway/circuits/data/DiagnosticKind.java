package dev.pathway.circuits.data;

import dev.pathway.core.util.UserInputException;
import java.util.Locale;

/** The diagnostic data sets of the paper's Table 1. */
public enum DiagnosticKind {
    /** One more occurrence of the selected query term appended to the document. */
    TFC1("append"),
    /** A semantically similar word appended instead of the term. */
    STMC1("append"),
    /** The same document with 0..5 occurrences of the term (term saturation). */
    TFC2("any"),
    /** The baseline followed by 0..4 sentences from documents of unrelated queries (length). */
    LNC1("append");

    private final String alignment;

    DiagnosticKind(String alignment) {
        this.alignment = alignment;
    }

    /**
     * How baseline and perturbed documents line up: {@code append} (the baseline's tokens are a
     * prefix of the perturbed document's) or {@code any} (they differ in the middle, e.g. a
     * pronoun restored to the term; positions after the first difference shift).
     */
    public String defaultAlignment() {
        return alignment;
    }

    public String fileName() {
        return name().toLowerCase(Locale.ROOT) + ".jsonl";
    }

    public static DiagnosticKind parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("unknown diagnostic kind '" + s + "' (valid: tfc1, stmc1, tfc2, lnc1)");
        }
    }
}
