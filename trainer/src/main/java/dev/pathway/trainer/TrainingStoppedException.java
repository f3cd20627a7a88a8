package dev.pathway.trainer;

import dev.pathway.core.util.UserInputException;

/**
 * A run stopped on purpose: non-finite loss or gradient, or an exploding gradient norm. The last
 * good checkpoint stays; the message says what happened and what to change.
 */
public final class TrainingStoppedException extends UserInputException {
    private static final long serialVersionUID = 1L;

    public TrainingStoppedException(String message) {
        super(message);
    }
}
