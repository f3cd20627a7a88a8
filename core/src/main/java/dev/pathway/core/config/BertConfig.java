package dev.pathway.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The fields of a HuggingFace BERT {@code config.json} that the model needs. The original JSON is
 * kept so that a checkpoint written by pathway carries every field it was given.
 */
public record BertConfig(
        int hiddenSize,
        int numHeads,
        int numLayers,
        int intermediateSize,
        int vocabSize,
        int maxPositions,
        int typeVocabSize,
        double layerNormEps,
        int numLabels,
        double hiddenDropout,
        double attentionDropout,
        double classifierDropout,
        ObjectNode raw) {

    private static final Set<String> MODEL_TYPES = Set.of("bert");
    private static final Set<String> ARCHITECTURES =
            Set.of("BertForSequenceClassification", "BertModel", "BertForMaskedLM", "BertForPreTraining");

    public int headDim() {
        return hiddenSize / numHeads;
    }

    /** Reads and validates {@code config.json}; every problem names the file and the key. */
    public static BertConfig read(Path file) {
        JsonNode node = Json.read(file);
        if (!node.isObject()) {
            throw new UserInputException(file + ": expected a JSON object");
        }
        return fromJson((ObjectNode) node, file.toString());
    }

    public static BertConfig fromJson(ObjectNode node, String source) {
        String modelType = node.path("model_type").asText("");
        if (!MODEL_TYPES.contains(modelType)) {
            throw new UserInputException(
                    source + ": model_type '" + modelType + "' is not supported (only 'bert')");
        }
        JsonNode archs = node.path("architectures");
        if (archs.isArray()) {
            for (JsonNode a : archs) {
                if (!ARCHITECTURES.contains(a.asText())) {
                    throw new UserInputException(
                            source + ": architecture '" + a.asText() + "' is not supported; use one of "
                                    + ARCHITECTURES);
                }
            }
        }
        String act = node.path("hidden_act").asText("gelu");
        if (!act.equals("gelu")) {
            throw new UserInputException(
                    source + ": hidden_act '" + act + "' is not supported (only exact 'gelu')");
        }
        String posType = node.path("position_embedding_type").asText("absolute");
        if (!posType.equals("absolute")) {
            throw new UserInputException(
                    source + ": position_embedding_type '" + posType + "' is not supported");
        }
        int hidden = positiveInt(node, "hidden_size", source);
        int heads = positiveInt(node, "num_attention_heads", source);
        if (hidden % heads != 0) {
            throw new UserInputException(
                    source + ": hidden_size " + hidden + " is not divisible by num_attention_heads " + heads);
        }
        int numLabels = node.has("num_labels")
                ? positiveInt(node, "num_labels", source)
                : node.path("id2label").isObject() ? node.path("id2label").size() : 1;
        double hiddenDrop = prob(node, "hidden_dropout_prob", 0.1, source);
        return new BertConfig(
                hidden,
                heads,
                positiveInt(node, "num_hidden_layers", source),
                positiveInt(node, "intermediate_size", source),
                positiveInt(node, "vocab_size", source),
                positiveInt(node, "max_position_embeddings", source),
                node.has("type_vocab_size") ? positiveInt(node, "type_vocab_size", source) : 2,
                number(node, "layer_norm_eps", 1e-12, source),
                numLabels,
                hiddenDrop,
                prob(node, "attention_probs_dropout_prob", 0.1, source),
                node.path("classifier_dropout").isNull() || node.path("classifier_dropout").isMissingNode()
                        ? hiddenDrop
                        : prob(node, "classifier_dropout", hiddenDrop, source),
                node.deepCopy());
    }

    /** A config for a {@code BertForSequenceClassification} with the given sizes. */
    public static BertConfig of(
            int hidden, int heads, int layers, int intermediate, int vocab, int maxPos, int numLabels) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("model_type", "bert");
        n.putArray("architectures").add("BertForSequenceClassification");
        n.put("hidden_size", hidden);
        n.put("num_attention_heads", heads);
        n.put("num_hidden_layers", layers);
        n.put("intermediate_size", intermediate);
        n.put("vocab_size", vocab);
        n.put("max_position_embeddings", maxPos);
        n.put("type_vocab_size", 2);
        n.put("layer_norm_eps", 1e-12);
        n.put("hidden_act", "gelu");
        n.put("hidden_dropout_prob", 0.1);
        n.put("attention_probs_dropout_prob", 0.1);
        n.put("num_labels", numLabels);
        n.put("pad_token_id", 0);
        n.put("position_embedding_type", "absolute");
        return fromJson(n, "config");
    }

    /** The JSON to write for a sequence-classification checkpoint. */
    public ObjectNode toJson() {
        ObjectNode n = raw.deepCopy();
        n.put("model_type", "bert");
        n.putArray("architectures").add("BertForSequenceClassification");
        n.put("num_labels", numLabels);
        if (!n.has("id2label") || n.path("id2label").size() != numLabels) {
            ObjectNode id2label = n.putObject("id2label");
            ObjectNode label2id = n.putObject("label2id");
            for (int i = 0; i < numLabels; i++) {
                id2label.put(Integer.toString(i), "LABEL_" + i);
                label2id.put("LABEL_" + i, i);
            }
        }
        return n;
    }

    /** Per-field sizes as a short human line. */
    public String describe() {
        return String.format(
                "BERT %d layers, hidden %d, %d heads x %d, intermediate %d, vocab %d, %d positions, %d labels",
                numLayers, hiddenSize, numHeads, headDim(), intermediateSize, vocabSize, maxPositions, numLabels);
    }

    public List<String> layerPrefixes() {
        return java.util.stream.IntStream.range(0, numLayers).mapToObj(l -> "blocks." + l).toList();
    }

    private static int positiveInt(JsonNode node, String key, String source) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new UserInputException(source + ": missing field '" + key + "'");
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToInt() || v.asInt() <= 0) {
            throw new UserInputException(
                    source + ": field '" + key + "' must be a positive integer, got " + v);
        }
        return v.asInt();
    }

    private static double number(JsonNode node, String key, double def, String source) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isNumber() || !(v.asDouble() > 0) || Double.isInfinite(v.asDouble())) {
            throw new UserInputException(source + ": field '" + key + "' must be a positive number, got " + v);
        }
        return v.asDouble();
    }

    private static double prob(JsonNode node, String key, double def, String source) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return def;
        }
        double p = v.asDouble(Double.NaN);
        if (!v.isNumber() || !(p >= 0 && p < 1)) {
            throw new UserInputException(source + ": field '" + key + "' must be in [0, 1), got " + v);
        }
        return p;
    }
}
