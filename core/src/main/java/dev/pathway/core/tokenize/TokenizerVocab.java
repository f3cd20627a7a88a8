package dev.pathway.core.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** The WordPiece vocabulary of a {@code tokenizer.json}: id to piece and piece to id. */
public final class TokenizerVocab {
    private static final String[] SPECIALS = {"[CLS]", "[SEP]", "[PAD]", "[UNK]"};

    private final String[] tokens;
    private final Map<String, Integer> ids;

    private TokenizerVocab(String[] tokens, Map<String, Integer> ids) {
        this.tokens = tokens;
        this.ids = ids;
    }

    public static TokenizerVocab read(Path file) {
        JsonNode root = Json.read(file);
        JsonNode model = root.path("model");
        String type = model.path("type").asText("");
        if (!type.equals("WordPiece")) {
            throw new UserInputException(
                    file + ": tokenizer model type '" + type + "' is not supported (BERT uses WordPiece)");
        }
        JsonNode vocab = model.path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new UserInputException(file + ": missing or empty model.vocab");
        }
        Map<String, Integer> ids = new HashMap<>();
        int max = -1;
        Iterator<Map.Entry<String, JsonNode>> it = vocab.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
                throw new UserInputException(file + ": vocab entry '" + e.getKey() + "' has a bad id " + e.getValue());
            }
            ids.put(e.getKey(), e.getValue().asInt());
            max = Math.max(max, e.getValue().asInt());
        }
        for (JsonNode added : root.path("added_tokens")) {
            ids.putIfAbsent(added.path("content").asText(), added.path("id").asInt());
            max = Math.max(max, added.path("id").asInt());
        }
        String[] tokens = new String[max + 1];
        ids.forEach((t, id) -> tokens[id] = t);
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] == null) {
                tokens[i] = "[unused-id-" + i + "]";
            }
        }
        return new TokenizerVocab(tokens, ids);
    }

    /** Number of ids (largest id + 1); must equal the embedding matrix's rows. */
    public int size() {
        return tokens.length;
    }

    public String token(int id) {
        return id >= 0 && id < tokens.length ? tokens[id] : "[out-of-range-" + id + "]";
    }

    /** The id of a piece, or -1. */
    public int id(String token) {
        return ids.getOrDefault(token, -1);
    }

    Map<String, Long> specialIds(Path file) {
        Map<String, Long> out = new HashMap<>();
        for (String s : SPECIALS) {
            Integer id = ids.get(s);
            if (id == null) {
                throw new UserInputException(file + ": the vocabulary has no " + s + " token");
            }
            out.put(s, id.longValue());
        }
        return out;
    }
}
