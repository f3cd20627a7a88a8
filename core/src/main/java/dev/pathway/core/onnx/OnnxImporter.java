package dev.pathway.core.onnx;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.checkpoint.DType;
import dev.pathway.core.checkpoint.Provenance;
import dev.pathway.core.checkpoint.RawTensor;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.model.ModelAssembly;
import dev.pathway.core.model.WeightLoader;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Sha256;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a BERT encoder exported to ONNX by HuggingFace's exporter (as in the embedded
 * all-MiniLM-L6-v2). Named initializers map to HF names directly; the anonymous matmul weights
 * ({@code onnx::MatMul_N}) are named by the MatMul node that consumes them (e.g. {@code
 * /encoder/layer.0/attention/self/query/MatMul}) and transposed from [in, out] to PyTorch's [out,
 * in]. The config comes from tensor shapes and the graph's reshape constants.
 */
public final class OnnxImporter {
    private static final Pattern LAYER = Pattern.compile("encoder\\.layer\\.(\\d+)\\.");

    private OnnxImporter() {}

    /** The config and HF-named tensors found in a graph. */
    public record Converted(BertConfig config, Map<String, RawTensor> tensors) {}

    /**
     * @param heads number of attention heads, or 0 to read it from the graph
     */
    public static Converted convert(OnnxGraph graph, String source, int heads) {
        Map<String, RawTensor> out = new LinkedHashMap<>();
        for (RawTensor t : graph.initializers().values()) {
            if (t.name().startsWith("onnx::")) {
                String consumer = matmulConsumer(graph, t.name());
                if (consumer == null) {
                    continue; // constants folded into initializers (shapes, scalars), not weights
                }
                String hf = WeightLoader.normalize(consumer) + ".weight";
                out.put(hf, transpose(t, hf));
            } else if (t.dtype().isFloating()) {
                out.put(WeightLoader.normalize(t.name()), rename(t, WeightLoader.normalize(t.name())));
            }
        }
        BertConfig config = inferConfig(graph, out, source, heads);
        return new Converted(config, out);
    }

    /**
     * Imports an ONNX model and its tokenizer as a pathway checkpoint with a freshly initialised
     * pooler and classifier (seeded, recorded in {@code pathway.json}).
     */
    public static void importToCheckpoint(
            byte[] onnx, String onnxName, byte[] tokenizerJson, Path out, boolean overwrite, long seed, int heads) {
        // Fail early on a bad target, before the slow part.
        dev.pathway.core.checkpoint.AtomicDirectory.checkTarget(out, overwrite);
        OnnxGraph graph = OnnxGraph.parse(onnx, onnxName);
        Converted c = convert(graph, onnxName, heads);
        Path tokDir = null;
        try {
            tokDir = Files.createTempDirectory("pathway-tokenizer-");
            writeCleanTokenizer(tokenizerJson, tokDir.resolve(Checkpoints.TOKENIZER), onnxName);
            ObjectNode params = Json.MAPPER.createObjectNode();
            params.put("source", onnxName);
            params.put("onnx_sha256", Sha256.of(onnx));
            params.put("tokenizer_sha256", Sha256.of(tokenizerJson));
            Provenance prov = Provenance.origin(onnxName).withOperation("import-onnx", params, null, null);
            try (CrossEncoder model = ModelAssembly.assemble(
                    c.config(), c.tensors(), tokDir, onnxName, Device.cpu(), prov, null, seed)) {
                Checkpoints.save(model, out, overwrite, model.provenance());
            }
        } catch (IOException e) {
            throw new UserInputException("cannot import " + onnxName + ": " + e.getMessage(), e);
        } finally {
            if (tokDir != null) {
                dev.pathway.core.checkpoint.AtomicDirectory.deleteTree(tokDir);
            }
        }
    }

    /**
     * Writes the tokenizer without its fixed padding and truncation settings (the embedded one pads
     * everything to 128): pathway pads and truncates per pair, and Python should see the same.
     */
    static void writeCleanTokenizer(byte[] json, Path target, String source) throws IOException {
        ObjectNode n;
        try {
            n = (ObjectNode) Json.MAPPER.readTree(json);
        } catch (IOException | ClassCastException e) {
            throw new UserInputException(source + ": tokenizer is not a JSON object");
        }
        n.putNull("truncation");
        n.putNull("padding");
        Files.writeString(target, Json.MAPPER.writeValueAsString(n));
    }

    private static String matmulConsumer(OnnxGraph g, String initializer) {
        for (OnnxGraph.Node n : g.nodes()) {
            if (n.opType().equals("MatMul") && n.inputs().size() == 2 && n.inputs().get(1).equals(initializer)) {
                String name = n.name();
                if (!name.endsWith("/MatMul")) {
                    throw new UserInputException("cannot name the weight " + initializer + ": its MatMul node is '" + name + "'");
                }
                return name.substring(name.startsWith("/") ? 1 : 0, name.length() - "/MatMul".length()).replace('/', '.');
            }
        }
        return null;
    }

    private static RawTensor rename(RawTensor t, String name) {
        return new RawTensor(name, t.dtype(), t.shape(), t.data());
    }

    private static RawTensor transpose(RawTensor t, String name) {
        if (t.shape().length != 2 || t.dtype() != DType.F32) {
            throw new UserInputException("matmul weight " + t.name() + " (" + name + ") is not a float32 matrix");
        }
        int in = (int) t.shape()[0];
        int outDim = (int) t.shape()[1];
        FloatBuffer src = t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        ByteBuffer dst = ByteBuffer.allocateDirect(in * outDim * 4).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer d = dst.asFloatBuffer();
        for (int o = 0; o < outDim; o++) {
            for (int i = 0; i < in; i++) {
                d.put(o * in + i, src.get(i * outDim + o));
            }
        }
        return new RawTensor(name, DType.F32, new long[] {outDim, in}, dst);
    }

    private static BertConfig inferConfig(OnnxGraph g, Map<String, RawTensor> t, String source, int headsOverride) {
        RawTensor word = need(t, "bert.embeddings.word_embeddings.weight", source);
        RawTensor pos = need(t, "bert.embeddings.position_embeddings.weight", source);
        RawTensor types = need(t, "bert.embeddings.token_type_embeddings.weight", source);
        RawTensor inter = need(t, "bert.encoder.layer.0.intermediate.dense.bias", source);
        TreeSet<Integer> layers = new TreeSet<>();
        for (String name : t.keySet()) {
            Matcher m = LAYER.matcher(name);
            if (m.find()) {
                layers.add(Integer.parseInt(m.group(1)));
            }
        }
        int hidden = (int) word.shape()[1];
        int heads = headsOverride > 0 ? headsOverride : headsFromGraph(g, source);
        ObjectNode n = BertConfig.of(hidden, heads, layers.size(), (int) inter.shape()[0],
                (int) word.shape()[0], (int) pos.shape()[0], 1).toJson();
        n.put("type_vocab_size", (int) types.shape()[0]);
        n.put("layer_norm_eps", epsFromGraph(g));
        return BertConfig.fromJson(n, source);
    }

    private static RawTensor need(Map<String, RawTensor> t, String name, String source) {
        RawTensor r = t.get(name);
        if (r == null) {
            throw new UserInputException(source + ": not a BERT export: no tensor " + name);
        }
        return r;
    }

    /** Heads from the reshape of layer 0's keys to [batch, seq, heads, head_dim]. */
    private static int headsFromGraph(OnnxGraph g, String source) {
        for (OnnxGraph.Node n : g.nodes()) {
            if (!n.opType().equals("Reshape") || !n.inputs().get(0).contains("layer.0/attention/self/key/")) {
                continue;
            }
            OnnxGraph.Node concat = g.producer(n.inputs().get(1));
            if (concat != null && concat.opType().equals("Concat") && concat.inputs().size() == 4) {
                Long h = constantLong(g, concat.inputs().get(2));
                if (h != null && h > 0) {
                    return h.intValue();
                }
            }
            RawTensor shape = g.initializers().get(n.inputs().get(1));
            if (shape != null && shape.dtype() == DType.I64 && shape.elements() == 4) {
                return (int) shape.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(16);
            }
        }
        throw new UserInputException(source + ": cannot infer the number of attention heads from the graph; pass --heads");
    }

    private static double epsFromGraph(OnnxGraph g) {
        for (OnnxGraph.Node n : g.nodes()) {
            if (n.name().equals("/embeddings/LayerNorm/Add") && n.inputs().size() == 2) {
                Float f = constantFloat(g, n.inputs().get(1));
                if (f != null && f > 0) {
                    return f;
                }
            }
        }
        return 1e-12;
    }

    private static RawTensor constant(OnnxGraph g, String output) {
        OnnxGraph.Node p = g.producer(output);
        if (p != null && p.opType().equals("Constant")) {
            return p.tensorAttributes().get("value");
        }
        return g.initializers().get(output);
    }

    private static Long constantLong(OnnxGraph g, String output) {
        RawTensor t = constant(g, output);
        return t != null && t.dtype() == DType.I64 && t.elements() == 1
                ? t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(0)
                : null;
    }

    private static Float constantFloat(OnnxGraph g, String output) {
        RawTensor t = constant(g, output);
        return t != null && t.dtype() == DType.F32 && t.elements() == 1
                ? t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).getFloat(0)
                : null;
    }
}
