package dev.pathway.core.checkpoint;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.model.ModelAssembly;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Sha256;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * HuggingFace checkpoint directories: {@code config.json}, {@code model.safetensors} (or shards
 * with {@code model.safetensors.index.json}), {@code tokenizer.json}, {@code
 * tokenizer_config.json}, and pathway's {@code pathway.json}. Pickle weights are refused.
 */
public final class Checkpoints {
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "model.safetensors";
    public static final String WEIGHTS_INDEX = "model.safetensors.index.json";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String TOKENIZER_CONFIG = "tokenizer_config.json";
    private static final List<String> PICKLE_SUFFIXES = List.of(".bin", ".pt", ".pth", ".ckpt", ".pkl", ".pickle");

    private Checkpoints() {}

    /** Loads a checkpoint; every parameter must be present. */
    public static CrossEncoder load(Path dir, Device device) {
        return load(dir, device, null);
    }

    /**
     * Loads a checkpoint. With {@code freshHeadSeed} set, a missing pooler or classifier is
     * initialised from that seed (and recorded in the provenance) instead of being an error.
     */
    public static CrossEncoder load(Path dir, Device device, Long freshHeadSeed) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("checkpoint directory not found: " + dir);
        }
        BertConfig config = BertConfig.read(dir.resolve(CONFIG));
        Map<String, RawTensor> tensors = readWeights(dir);
        String sha = weightsSha256(dir);
        Provenance provenance = Provenance.readOrOrigin(dir);
        return ModelAssembly.assemble(config, tensors, dir, dir.toString(), device, provenance, sha, freshHeadSeed);
    }

    /** Reads the weight tensors of a checkpoint directory (single file or shards). */
    public static Map<String, RawTensor> readWeights(Path dir) {
        Path single = dir.resolve(WEIGHTS);
        if (Files.isRegularFile(single)) {
            return SafeTensors.read(single);
        }
        Path index = dir.resolve(WEIGHTS_INDEX);
        if (Files.isRegularFile(index)) {
            return readShards(dir, index);
        }
        refusePickle(dir);
        throw new UserInputException("missing weights file: " + single);
    }

    private static Map<String, RawTensor> readShards(Path dir, Path index) {
        JsonNode map = Json.read(index).path("weight_map");
        if (!map.isObject()) {
            throw new UserInputException(index + ": missing 'weight_map'");
        }
        List<String> files = new ArrayList<>();
        Iterator<JsonNode> it = map.elements();
        while (it.hasNext()) {
            String f = it.next().asText();
            if (!files.contains(f)) {
                files.add(f);
            }
        }
        Map<String, RawTensor> out = new LinkedHashMap<>();
        for (String f : files) {
            Path shard = dir.resolve(f).normalize();
            if (!shard.startsWith(dir.normalize())) {
                throw new UserInputException(index + ": shard path '" + f + "' leaves the checkpoint directory");
            }
            out.putAll(SafeTensors.read(shard));
        }
        return out;
    }

    private static void refusePickle(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> pickles = files.filter(p -> PICKLE_SUFFIXES.stream().anyMatch(s -> p.getFileName().toString().endsWith(s))).toList();
            if (!pickles.isEmpty()) {
                throw new UserInputException(
                        dir + ": found " + pickles.get(0).getFileName() + " but no model.safetensors; pathway does not"
                                + " read pickle files (unpickling runs arbitrary code). Convert once in Python:"
                                + " AutoModelForSequenceClassification.from_pretrained(DIR).save_pretrained(DIR,"
                                + " safe_serialization=True)");
            }
        } catch (IOException e) {
            throw new UserInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the weights (of the single file, or of the index for shards). */
    public static String weightsSha256(Path dir) {
        Path single = dir.resolve(WEIGHTS);
        return Sha256.of(Files.isRegularFile(single) ? single : dir.resolve(WEIGHTS_INDEX));
    }

    /**
     * Writes a model as a new checkpoint directory, atomically.
     *
     * @param provenance the provenance to record (usually the parent's child with operations added)
     */
    public static void save(CrossEncoder model, Path out, boolean overwrite, Provenance provenance) {
        AtomicDirectory.write(out, overwrite, dir -> {
            Json.write(dir.resolve(CONFIG), model.config().toJson());
            SafeTensors.write(dir.resolve(WEIGHTS), ModelAssembly.rawTensors(model), Map.of());
            copyTokenizer(model.tokenizerDir(), dir);
            String sha = Sha256.of(dir.resolve(WEIGHTS));
            Json.write(dir.resolve(Provenance.FILE), provenance.toJsonForWrite(sha));
        });
    }

    private static void copyTokenizer(Path from, Path to) throws IOException {
        Files.copy(from.resolve(TOKENIZER), to.resolve(TOKENIZER));
        Path cfg = from.resolve(TOKENIZER_CONFIG);
        if (Files.isRegularFile(cfg)) {
            Files.copy(cfg, to.resolve(TOKENIZER_CONFIG));
        } else {
            Json.write(to.resolve(TOKENIZER_CONFIG), defaultTokenizerConfig());
        }
    }

    /** A {@code tokenizer_config.json} for an uncased BERT WordPiece tokenizer. */
    public static ObjectNode defaultTokenizerConfig() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("tokenizer_class", "BertTokenizer");
        n.put("do_lower_case", true);
        n.put("model_max_length", 512);
        n.put("cls_token", "[CLS]");
        n.put("sep_token", "[SEP]");
        n.put("pad_token", "[PAD]");
        n.put("unk_token", "[UNK]");
        n.put("mask_token", "[MASK]");
        return n;
    }
}
