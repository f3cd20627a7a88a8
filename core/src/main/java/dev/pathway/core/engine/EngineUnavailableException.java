package dev.pathway.core.engine;

/** The PyTorch engine cannot start on this machine (native library missing or broken). */
public class EngineUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
