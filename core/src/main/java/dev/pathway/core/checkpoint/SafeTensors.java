package dev.pathway.core.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
 * ({@code name -> {dtype, shape, data_offsets}} plus {@code __metadata__}), then raw little-endian
 * tensor bytes. Every malformation is a one-line user error that names the file.
 */
public final class SafeTensors {
    /** Header size limit, as the reference implementation (100 MB). */
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private SafeTensors() {}

    /** Reads every tensor of a file. Tensor data is copied out of the mapped file. */
    public static Map<String, RawTensor> read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new UserInputException(file + ": not a safetensors file (" + size + " bytes, too short for a header)");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long headerLen = lenBuf.getLong(0);
            if (headerLen <= 0 || headerLen > size - 8) {
                throw new UserInputException(
                        file + ": safetensors header length " + Long.toUnsignedString(headerLen)
                                + " is larger than the file (" + size + " bytes)");
            }
            if (headerLen > MAX_HEADER) {
                throw new UserInputException(file + ": safetensors header of " + headerLen + " bytes is too large");
            }
            ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
            readFully(ch, headerBuf, 8);
            JsonNode header = parseHeader(file, headerBuf.array());
            long dataStart = 8 + headerLen;
            long dataLen = size - dataStart;
            Map<String, RawTensor> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = header.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                TensorSpec spec = TensorSpec.parse(file, e.getKey(), e.getValue());
                if (spec.end() > dataLen) {
                    throw new UserInputException(
                            file + ": tensor '" + e.getKey() + "' ends at byte " + spec.end()
                                    + " but the file holds only " + dataLen + " data bytes (truncated file?)");
                }
                ByteBuffer data = ByteBuffer.allocateDirect((int) spec.byteLength()).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, data, dataStart + spec.begin());
                data.flip();
                out.put(e.getKey(), new RawTensor(e.getKey(), spec.dtype(), spec.shape(), data));
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing weights file: " + file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes tensors in the given order with {@code __metadata__ = {"format": "pt"}}. */
    public static void write(Path file, List<RawTensor> tensors, Map<String, String> metadata) throws IOException {
        ObjectNode header = Json.MAPPER.createObjectNode();
        ObjectNode meta = header.putObject("__metadata__");
        meta.put("format", "pt");
        metadata.forEach(meta::put);
        long offset = 0;
        for (RawTensor t : tensors) {
            ObjectNode n = header.putObject(t.name());
            n.put("dtype", t.dtype().name());
            var shape = n.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            long len = t.data().remaining();
            n.putArray("data_offsets").add(offset).add(offset + len);
            offset += len;
        }
        byte[] json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot serialise safetensors header", e);
        }
        // Pad the header with spaces so tensor data starts 8-byte aligned.
        int padded = (json.length + 7) / 8 * 8;
        byte[] headerBytes = new byte[padded];
        System.arraycopy(json, 0, headerBytes, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            headerBytes[i] = ' ';
        }
        try (OutputStream os = Files.newOutputStream(file);
                var ch = java.nio.channels.Channels.newChannel(os)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, padded);
            ch.write(len);
            ch.write(ByteBuffer.wrap(headerBytes));
            for (RawTensor t : tensors) {
                ByteBuffer d = t.data().duplicate();
                while (d.hasRemaining()) {
                    ch.write(d);
                }
            }
        }
    }

    private static JsonNode parseHeader(Path file, byte[] bytes) {
        try {
            JsonNode header = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (header == null || !header.isObject()) {
                throw new UserInputException(file + ": safetensors header is not a JSON object");
            }
            return header;
        } catch (JsonProcessingException e) {
            throw new UserInputException(file + ": safetensors header is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        long p = pos;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, p);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + p);
            }
            p += n;
        }
    }

    /** One header entry, validated. */
    private record TensorSpec(DType dtype, long[] shape, long begin, long end) {
        long byteLength() {
            return end - begin;
        }

        static TensorSpec parse(Path file, String name, JsonNode n) {
            String where = file + ": tensor '" + name + "'";
            if (!n.isObject()) {
                throw new UserInputException(where + " has a malformed header entry");
            }
            DType dtype = DType.parse(n.path("dtype").asText(""), where);
            JsonNode shapeNode = n.path("shape");
            JsonNode offsets = n.path("data_offsets");
            if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
                throw new UserInputException(where + " needs 'shape' and two 'data_offsets'");
            }
            List<Long> dims = new ArrayList<>();
            long elements = 1;
            for (JsonNode d : shapeNode) {
                if (!d.canConvertToLong() || d.asLong() < 0) {
                    throw new UserInputException(where + " has a bad shape " + shapeNode);
                }
                dims.add(d.asLong());
                elements = Math.multiplyExact(elements, d.asLong());
            }
            long begin = offsets.get(0).asLong(-1);
            long end = offsets.get(1).asLong(-1);
            if (begin < 0 || end < begin) {
                throw new UserInputException(where + " has bad data_offsets " + offsets);
            }
            if (end - begin != elements * dtype.bytes()) {
                throw new UserInputException(
                        where + ": data_offsets span " + (end - begin) + " bytes but shape " + shapeNode
                                + " of " + dtype + " needs " + elements * dtype.bytes());
            }
            if (end - begin > Integer.MAX_VALUE) {
                throw new UserInputException(where + " is larger than 2 GiB, which is not supported");
            }
            return new TensorSpec(dtype, dims.stream().mapToLong(Long::longValue).toArray(), begin, end);
        }
    }
}
