package dev.pathway.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.checkpoint.DType;
import dev.pathway.core.checkpoint.Provenance;
import dev.pathway.core.checkpoint.RawTensor;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.engine.PathwayEngine;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a {@link CrossEncoder} from a config, stored tensors and a tokenizer, and back. */
public final class ModelAssembly {
    private ModelAssembly() {}

    /**
     * @param tokenizerDir directory with {@code tokenizer.json}
     * @param source a name for error messages
     * @param freshHeadSeed when not null, missing pooler/classifier tensors are initialised from it
     */
    public static CrossEncoder assemble(
            BertConfig config,
            Map<String, RawTensor> tensors,
            Path tokenizerDir,
            String source,
            Device device,
            Provenance provenance,
            String weightsSha256,
            Long freshHeadSeed) {
        PairTokenizer tokenizer = PairTokenizer.load(tokenizerDir);
        if (tokenizer.vocabSize() != config.vocabSize()) {
            tokenizer.close();
            throw new UserInputException(
                    source + ": the tokenizer has " + tokenizer.vocabSize() + " ids but the embedding matrix has "
                            + config.vocabSize() + " rows (vocab_size)");
        }
        NDManager manager = PathwayEngine.newManager(device);
        try {
            CrossEncoderBlock block = new CrossEncoderBlock(config);
            WeightLoader.Report report = WeightLoader.load(block, tensors, manager, source);
            Provenance prov = provenance;
            if (!report.missing().isEmpty()) {
                List<String> notHead = report.missing().stream()
                        .filter(n -> !n.startsWith("bert.pooler.") && !n.startsWith("classifier."))
                        .toList();
                if (!notHead.isEmpty() || freshHeadSeed == null) {
                    throw new UserInputException(
                            source + ": missing tensors " + WeightLoader.abbreviate(report.missing())
                                    + (notHead.isEmpty() ? " (a model without a classifier: import it, which initialises one)" : ""));
                }
                Map<String, Parameter> params = block.parametersByHfName();
                for (String name : report.missing()) {
                    FreshInit.apply(params.get(name), block.shapeOf(name), name, freshHeadSeed, manager);
                }
                ObjectNode p = Json.MAPPER.createObjectNode();
                p.putPOJO("tensors", report.missing());
                p.put("init", "normal(0, " + FreshInit.STD + "), bias 0");
                prov = prov.withOperation("init-fresh-head", p, freshHeadSeed, null);
            }
            return new CrossEncoder(manager, block, tokenizer, tokenizerDir, prov, weightsSha256);
        } catch (RuntimeException e) {
            manager.close();
            tokenizer.close();
            throw e;
        }
    }

    /** Every parameter as a float32 tensor with its HuggingFace name, in declaration order. */
    public static List<RawTensor> rawTensors(CrossEncoder model) {
        List<RawTensor> out = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : model.parameters().entrySet()) {
            NDArray a = e.getValue().getArray();
            ByteBuffer bytes = a.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
            direct.put(bytes).flip();
            out.add(new RawTensor(e.getKey(), DType.F32, a.getShape().getShape(), direct));
        }
        return out;
    }
}
