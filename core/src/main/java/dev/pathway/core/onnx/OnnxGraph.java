package dev.pathway.core.onnx;

import dev.pathway.core.checkpoint.DType;
import dev.pathway.core.checkpoint.RawTensor;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX model pathway needs: initializers (weights) and nodes (name, op type,
 * inputs, outputs, tensor-valued attributes). Field numbers are those of onnx.proto3.
 */
public final class OnnxGraph {
    // ModelProto
    private static final int MODEL_GRAPH = 7;
    // GraphProto
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    // NodeProto
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    // AttributeProto
    private static final int ATTR_NAME = 1;
    private static final int ATTR_TENSOR = 5;
    // TensorProto
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_INT64_DATA = 7;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_DATA_LOCATION = 14;

    /** A node of the graph. */
    public record Node(String name, String opType, List<String> inputs, List<String> outputs, Map<String, RawTensor> tensorAttributes) {}

    private final Map<String, RawTensor> initializers;
    private final List<Node> nodes;

    private OnnxGraph(Map<String, RawTensor> initializers, List<Node> nodes) {
        this.initializers = initializers;
        this.nodes = nodes;
    }

    public static OnnxGraph read(InputStream in, String source) throws IOException {
        return parse(in.readAllBytes(), source);
    }

    public static OnnxGraph parse(byte[] bytes, String source) {
        try {
            ProtoReader model = new ProtoReader(bytes);
            ProtoReader graph = null;
            while (model.next()) {
                if (model.field() == MODEL_GRAPH && model.wireType() == ProtoReader.LENGTH_DELIMITED) {
                    graph = model.message();
                } else {
                    model.skip();
                }
            }
            if (graph == null) {
                throw new UserInputException(source + ": not an ONNX model (no graph)");
            }
            Map<String, RawTensor> inits = new LinkedHashMap<>();
            List<Node> nodes = new ArrayList<>();
            while (graph.next()) {
                if (graph.field() == GRAPH_INITIALIZER) {
                    RawTensor t = tensor(graph.message(), source);
                    inits.put(t.name(), t);
                } else if (graph.field() == GRAPH_NODE) {
                    nodes.add(node(graph.message(), source));
                } else {
                    graph.skip();
                }
            }
            if (inits.isEmpty()) {
                throw new UserInputException(source + ": the ONNX graph has no initializers (weights)");
            }
            return new OnnxGraph(inits, nodes);
        } catch (MalformedProtoException e) {
            throw new UserInputException(source + ": corrupted ONNX file (" + e.getMessage() + ")");
        }
    }

    public Map<String, RawTensor> initializers() {
        return initializers;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The node that produces an output, or null. */
    public Node producer(String output) {
        for (Node n : nodes) {
            if (n.outputs().contains(output)) {
                return n;
            }
        }
        return null;
    }

    private static Node node(ProtoReader r, String source) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String name = "";
        String op = "";
        Map<String, RawTensor> attrs = new HashMap<>();
        while (r.next()) {
            switch (r.field()) {
                case NODE_INPUT -> in.add(r.string());
                case NODE_OUTPUT -> out.add(r.string());
                case NODE_NAME -> name = r.string();
                case NODE_OP_TYPE -> op = r.string();
                case NODE_ATTRIBUTE -> {
                    ProtoReader a = r.message();
                    String an = "";
                    RawTensor t = null;
                    while (a.next()) {
                        if (a.field() == ATTR_NAME) {
                            an = a.string();
                        } else if (a.field() == ATTR_TENSOR) {
                            t = tensor(a.message(), source);
                        } else {
                            a.skip();
                        }
                    }
                    if (t != null) {
                        attrs.put(an, t);
                    }
                }
                default -> r.skip();
            }
        }
        return new Node(name, op, in, out, attrs);
    }

    private static RawTensor tensor(ProtoReader r, String source) {
        List<Long> dims = new ArrayList<>();
        List<Float> floats = new ArrayList<>();
        List<Long> longs = new ArrayList<>();
        int dataType = 0;
        String name = "";
        int[] raw = null;
        while (r.next()) {
            switch (r.field()) {
                case TENSOR_DIMS -> ProtoReader.readInts(r, dims);
                case TENSOR_DATA_TYPE -> dataType = (int) r.varint();
                case TENSOR_FLOAT_DATA -> ProtoReader.readFloats(r, floats);
                case TENSOR_INT64_DATA -> ProtoReader.readInts(r, longs);
                case TENSOR_NAME -> name = r.string();
                case TENSOR_RAW_DATA -> raw = r.range();
                case TENSOR_DATA_LOCATION -> {
                    if (r.varint() == 1) {
                        throw new UserInputException(source + ": tensor '" + name + "' uses external data, which is not supported");
                    }
                }
                default -> r.skip();
            }
        }
        DType dtype = switch (dataType) {
            case 1 -> DType.F32;
            case 7 -> DType.I64;
            case 10 -> DType.F16;
            case 11 -> DType.F64;
            case 16 -> DType.BF16;
            case 6 -> DType.I32;
            case 9 -> DType.BOOL;
            default -> null;
        };
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long elements = 1;
        for (long d : shape) {
            elements *= d;
        }
        if (dtype == null) {
            return new RawTensor(name, DType.U8, shape, ByteBuffer.allocateDirect(0));
        }
        ByteBuffer data;
        if (raw != null) {
            int len = raw[1] - raw[0];
            if (len != elements * dtype.bytes()) {
                throw new UserInputException(
                        source + ": tensor '" + name + "' holds " + len + " bytes but its shape needs " + elements * dtype.bytes());
            }
            data = ByteBuffer.allocateDirect(len).order(ByteOrder.LITTLE_ENDIAN);
            data.put(r.buffer(), raw[0], len).flip();
        } else if (dtype == DType.F32) {
            data = ByteBuffer.allocateDirect(floats.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
            floats.forEach(data::putFloat);
            data.flip();
        } else if (dtype == DType.I64) {
            data = ByteBuffer.allocateDirect(longs.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
            longs.forEach(data::putLong);
            data.flip();
        } else {
            data = ByteBuffer.allocateDirect(0);
        }
        if (data.remaining() != elements * dtype.bytes()) {
            throw new UserInputException(source + ": tensor '" + name + "' has " + data.remaining() + " bytes of data for shape " + dims);
        }
        return new RawTensor(name, dtype, shape, data);
    }
}
