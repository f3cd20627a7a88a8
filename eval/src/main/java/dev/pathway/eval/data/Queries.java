package dev.pathway.eval.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.util.Json;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads BEIR {@code queries.jsonl}: one JSON object per line with {@code _id} and {@code text}
 * (other fields such as {@code title} or {@code metadata} are ignored, as BEIR does). Queries are
 * small, so they are read whole, in file order.
 */
public final class Queries {
    private Queries() {}

    /** Query id to text, in file order. Duplicate ids and malformed lines fail with file:line. */
    public static Map<String, String> read(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try (TextLines lines = TextLines.open(file)) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = Json.MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    throw lines.error("malformed JSON: " + e.getOriginalMessage());
                }
                if (n == null || !n.isObject()) {
                    throw lines.error("expected a JSON object per line");
                }
                JsonNode id = n.get("_id");
                if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
                    throw lines.error("missing or empty \"_id\"");
                }
                JsonNode text = n.get("text");
                if (text == null || !text.isTextual()) {
                    throw lines.error("missing string field \"text\" (query " + id.asText() + ")");
                }
                if (out.put(id.asText(), text.asText()) != null) {
                    throw lines.error("duplicate query id " + id.asText());
                }
            }
        }
        if (out.isEmpty()) {
            throw new dev.pathway.core.util.UserInputException(file + ": no queries");
        }
        return Collections.unmodifiableMap(out);
    }
}
