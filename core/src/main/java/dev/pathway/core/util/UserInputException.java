package dev.pathway.core.util;

/**
 * An error the user can cause and fix: a bad file, a missing field, a wrong shape, an unknown key.
 * The CLI prints its message as one line and exits with code 2.
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
