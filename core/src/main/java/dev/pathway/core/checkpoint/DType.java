package dev.pathway.core.checkpoint;

import dev.pathway.core.util.UserInputException;

/** Safetensors element types that pathway reads. */
public enum DType {
    F32(4, true),
    F16(2, true),
    BF16(2, true),
    F64(8, true),
    I64(8, false),
    I32(4, false),
    I16(2, false),
    I8(1, false),
    U8(1, false),
    BOOL(1, false);

    private final int bytes;
    private final boolean floating;

    DType(int bytes, boolean floating) {
        this.bytes = bytes;
        this.floating = floating;
    }

    public int bytes() {
        return bytes;
    }

    public boolean isFloating() {
        return floating;
    }

    static DType parse(String s, String where) {
        try {
            return DType.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(where + " has an unsupported dtype '" + s + "'");
        }
    }
}
