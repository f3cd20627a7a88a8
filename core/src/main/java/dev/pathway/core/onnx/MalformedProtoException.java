package dev.pathway.core.onnx;

/** The bytes are not a well-formed protobuf message. */
final class MalformedProtoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedProtoException(String message) {
        super(message);
    }
}
