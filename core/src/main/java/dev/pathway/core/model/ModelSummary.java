package dev.pathway.core.model;

import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** A structured description of a loaded model: architecture, parameter counts by group, tokenizer, provenance. */
public final class ModelSummary {
    private ModelSummary() {}

    /** Parameter counts by group, in a stable order. */
    public static Map<String, Long> parameterGroups(CrossEncoder model) {
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String g : new String[] {
                "embeddings.word", "embeddings.position", "embeddings.token_type", "embeddings.layer_norm",
                "encoder.attention", "encoder.attention_layer_norm", "encoder.mlp", "encoder.output_layer_norm",
                "pooler", "classifier"}) {
            groups.put(g, 0L);
        }
        for (Map.Entry<String, Parameter> e : model.parameters().entrySet()) {
            groups.merge(group(e.getKey()), model.block().shapeOf(e.getKey()).size(), Long::sum);
        }
        return groups;
    }

    static String group(String n) {
        if (n.startsWith("bert.embeddings.word_embeddings")) {
            return "embeddings.word";
        } else if (n.startsWith("bert.embeddings.position_embeddings")) {
            return "embeddings.position";
        } else if (n.startsWith("bert.embeddings.token_type_embeddings")) {
            return "embeddings.token_type";
        } else if (n.startsWith("bert.embeddings.LayerNorm")) {
            return "embeddings.layer_norm";
        } else if (n.contains(".attention.output.LayerNorm")) {
            return "encoder.attention_layer_norm";
        } else if (n.contains(".attention.")) {
            return "encoder.attention";
        } else if (n.contains(".output.LayerNorm")) {
            return "encoder.output_layer_norm";
        } else if (n.contains(".intermediate.") || n.contains(".output.dense")) {
            return "encoder.mlp";
        } else if (n.startsWith("bert.pooler")) {
            return "pooler";
        }
        return "classifier";
    }

    public static ObjectNode toJson(CrossEncoder model) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("architecture", model.config().describe());
        n.set("config", model.config().toJson());
        ObjectNode groups = n.putObject("parameters");
        long total = 0;
        for (Map.Entry<String, Long> e : parameterGroups(model).entrySet()) {
            groups.put(e.getKey(), e.getValue());
            total += e.getValue();
        }
        groups.put("total", total);
        ObjectNode tok = n.putObject("tokenizer");
        tok.put("file", model.tokenizer().source().toString());
        tok.put("vocab_size", model.tokenizer().vocabSize());
        tok.put("cls_id", model.tokenizer().clsId());
        tok.put("sep_id", model.tokenizer().sepId());
        tok.put("pad_id", model.tokenizer().padId());
        n.put("weights_sha256", model.weightsSha256());
        n.set("provenance", model.provenance().json());
        return n;
    }
}
