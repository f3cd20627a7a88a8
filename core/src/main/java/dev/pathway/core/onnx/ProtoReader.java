package dev.pathway.core.onnx;

/**
 * A minimal protobuf wire-format reader over a byte range: enough to walk ONNX's messages without
 * generated classes. Every read is bounds-checked; a malformed stream throws {@link
 * MalformedProtoException}.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] buf;
    private final int end;
    private int pos;
    private int field;
    private int wireType;

    ProtoReader(byte[] buf, int start, int end) {
        if (start < 0 || end > buf.length || start > end) {
            throw new MalformedProtoException("range " + start + ".." + end + " outside a buffer of " + buf.length);
        }
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }

    ProtoReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    /** Advances to the next field; false at the end of the range. */
    boolean next() {
        if (pos >= end) {
            return false;
        }
        long key = readVarint();
        field = (int) (key >>> 3);
        wireType = (int) (key & 7);
        if (field <= 0) {
            throw new MalformedProtoException("field number " + field + " at byte " + pos);
        }
        return true;
    }

    int field() {
        return field;
    }

    int wireType() {
        return wireType;
    }

    long varint() {
        expect(VARINT);
        return readVarint();
    }

    /** The [start, end) range of a length-delimited field. */
    int[] range() {
        expect(LENGTH_DELIMITED);
        long len = readVarint();
        if (len < 0 || len > end - pos) {
            throw new MalformedProtoException("length " + len + " at byte " + pos + " runs past the end (" + end + ")");
        }
        int[] r = {pos, pos + (int) len};
        pos += (int) len;
        return r;
    }

    String string() {
        int[] r = range();
        return new String(buf, r[0], r[1] - r[0], java.nio.charset.StandardCharsets.UTF_8);
    }

    ProtoReader message() {
        int[] r = range();
        return new ProtoReader(buf, r[0], r[1]);
    }

    float fixed32Float() {
        expect(FIXED32);
        need(4);
        int bits = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16 | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return Float.intBitsToFloat(bits);
    }

    void skip() {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> {
                need(8);
                pos += 8;
            }
            case LENGTH_DELIMITED -> range();
            case FIXED32 -> {
                need(4);
                pos += 4;
            }
            default -> throw new MalformedProtoException("unsupported wire type " + wireType + " at byte " + pos);
        }
    }

    byte[] buffer() {
        return buf;
    }

    private void expect(int type) {
        if (wireType != type) {
            throw new MalformedProtoException("field " + field + " has wire type " + wireType + ", expected " + type);
        }
    }

    private void need(int n) {
        if (end - pos < n) {
            throw new MalformedProtoException("truncated at byte " + pos);
        }
    }

    private long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1);
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new MalformedProtoException("varint longer than 10 bytes at byte " + pos);
    }

    /** Reads packed or single varints (for repeated int64 fields). */
    static void readInts(ProtoReader r, java.util.List<Long> out) {
        if (r.wireType() == VARINT) {
            out.add(r.varint());
        } else {
            ProtoReader packed = r.message();
            while (packed.pos < packed.end) {
                out.add(packed.readVarint());
            }
        }
    }

    /** Reads packed or single floats (for repeated float fields). */
    static void readFloats(ProtoReader r, java.util.List<Float> out) {
        if (r.wireType() == FIXED32) {
            out.add(r.fixed32Float());
        } else {
            int[] range = r.range();
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(r.buf, range[0], range[1] - range[0]).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            while (bb.remaining() >= 4) {
                out.add(bb.getFloat());
            }
        }
    }
}
